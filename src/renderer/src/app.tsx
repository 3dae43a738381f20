// The application frame: the navigation bar, the screens, and state that outlives a screen (the running import, the open report).
import { useCallback, useState } from 'react';
import { NavBar, type Screen } from './components/nav-bar';
import { Notice } from './components/notice';
import { LibraryScreen } from './features/library/library-screen';
import { ImportScreen } from './features/import/import-screen';
import { useImport } from './features/import/use-import';
import { ReviewScreen } from './features/review/review-screen';
import { ChecklistScreen } from './features/checklists/checklist-screen';

export function App(): React.JSX.Element {
  const [screen, setScreen] = useState<Screen>('library');
  const [review, setReview] = useState<{ id: number; ids: number[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [libraryVersion, setLibraryVersion] = useState(0);
  const importer = useImport(() => setLibraryVersion((v) => v + 1));

  const openReport = useCallback((id: number, ids: number[]) => {
    setReview({ id, ids: ids.includes(id) ? ids : [id] });
    setScreen('review');
  }, []);

  return (
    <div className="app">
      <NavBar
        screen={screen}
        onScreen={setScreen}
        canReview={review !== null}
        importer={importer}
        onNotice={setNotice}
        version={libraryVersion}
      />
      {notice && <Notice message={notice} onClose={() => setNotice(null)} />}
      <main className="app-main">
        {screen === 'library' && (
          <LibraryScreen version={libraryVersion} onOpen={openReport} onChanged={() => setLibraryVersion((v) => v + 1)} />
        )}
        {screen === 'import' && <ImportScreen importer={importer} onShowLibrary={() => setScreen('library')} />}
        {screen === 'checklists' && <ChecklistScreen />}
        {screen === 'review' && review && (
          <ReviewScreen
            id={review.id}
            ids={review.ids}
            onNavigate={(id) => setReview({ id, ids: review.ids })}
            onBack={() => setScreen('library')}
            onChanged={() => setLibraryVersion((v) => v + 1)}
          />
        )}
      </main>
    </div>
  );
}

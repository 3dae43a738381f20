// The print feature's pieces for the app shell to mount: the 打印 / 导出 PDF buttons and the 排名 screen.
export { PrintButtons, type PrintButtonsProps } from './print-buttons';
export { RankingScreen, type RankingScreenProps } from './ranking-screen';
export { usePrintJob, type PrintJob, type PrintTarget } from './use-print-job';

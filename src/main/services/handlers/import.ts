// Import channels: start and cancel an import job, and the native file chooser that feeds it.
import type { Handlers } from '../../../shared/ipc/contract';
import { ServiceError } from '../errors';
import { arg, type ServiceContext } from './context';

type ImportHandlers = Pick<Handlers, 'import:start' | 'import:cancel' | 'dialog:open'>;

export function importHandlers(ctx: ServiceContext): ImportHandlers {
  return {
    'import:start': async (raw) => ({ jobId: ctx.queue.start(arg('import:start', raw).paths) }),
    'import:cancel': async (raw) => ({ cancelled: ctx.queue.cancel(arg('import:cancel', raw).jobId) }),
    'dialog:open': async (raw) => {
      const { kind } = arg('dialog:open', raw);
      if (!ctx.dialog) throw new ServiceError('internal', '当前环境不能打开文件选择窗口，请把文件拖进来。');
      return { paths: await ctx.dialog(kind) };
    },
  };
}

// The contract's Api over the loopback test host: POST /api/invoke for channels, Server-Sent Events for pushed events.
import type { Api, Channel, ChannelArg, ChannelResult, EventName, Events, Result } from '../../../shared/ipc/contract';

let source: EventSource | undefined;

function events(): EventSource {
  source ??= new EventSource('/api/events');
  return source;
}

export function createHttpApi(): Api {
  return {
    async invoke<C extends Channel>(channel: C, arg: ChannelArg<C>): Promise<Result<ChannelResult<C>>> {
      try {
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ channel, arg }),
        });
        return (await res.json()) as Result<ChannelResult<C>>;
      } catch {
        return { ok: false, error: { kind: 'internal', message: '无法连接到评审服务，请确认程序仍在运行。' } };
      }
    },
    on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
      const listener = (e: MessageEvent<string>): void => {
        try {
          cb(JSON.parse(e.data) as Events[E]);
        } catch {
          // A malformed event is dropped, never thrown into React.
        }
      };
      const es = events();
      es.addEventListener(event, listener as EventListener);
      return () => es.removeEventListener(event, listener as EventListener);
    },
  };
}

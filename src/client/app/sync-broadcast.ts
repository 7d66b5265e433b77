import { z } from 'zod';

/** What one tab tells the user's other tabs: the shared local store was brought up to date. */
const syncBroadcastMessageSchema = z.object({ type: z.literal('synced'), at: z.iso.datetime({ offset: true }) });
export type SyncBroadcastMessage = z.infer<typeof syncBroadcastMessageSchema>;

export type SyncBroadcast = {
  readonly post: (message: SyncBroadcastMessage) => void;
  readonly subscribe: (listener: (message: SyncBroadcastMessage) => void) => () => void;
  readonly close: () => void;
};

export const syncChannelName = (userId: string): string => `tickmark-${userId}`;

/** The part of BroadcastChannel used here; `postMessage` never delivers to the sending channel itself. */
export type BroadcastPort = Pick<BroadcastChannel, 'postMessage' | 'close' | 'addEventListener' | 'removeEventListener'>;

const NO_BROADCAST: SyncBroadcast = { post: () => undefined, subscribe: () => () => undefined, close: () => undefined };

/**
 * `open` is undefined where the browser has no BroadcastChannel: the other tabs then see new
 * data on their own next sync. Messages come from other tabs, possibly running another
 * version of Tickmark, so they are parsed; one that does not parse is reported and ignored.
 */
export const createSyncBroadcast = (open: ((name: string) => BroadcastPort) | undefined, name: string): SyncBroadcast => {
  if (!open) return NO_BROADCAST;
  const channel = open(name);
  return {
    post: (message) => channel.postMessage(message),
    subscribe: (listener) => {
      const onMessage = (event: Event): void => {
        const parsed = syncBroadcastMessageSchema.safeParse((event as MessageEvent<unknown>).data);
        if (parsed.success) listener(parsed.data);
        else console.warn(`Ignored a message on ${name} from another tab: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ')}`);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
};

import type { PullRequest, PullResponse, PushRequest, PushResponse } from './protocol';

/** Why a round trip failed, as the engine needs to react to it. */
export type TransportFailure =
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'unauthorized'; readonly message: string }
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'outdated'; readonly message: string }
  | { readonly kind: 'gap'; readonly message: string; readonly expected: number }
  | { readonly kind: 'server'; readonly message: string };

export type TransportResult<T> = { readonly ok: true; readonly data: T } | ({ readonly ok: false } & TransportFailure);

/** The network side of sync, so the engine can be driven by HTTP in the app and by anything in tests. */
export interface Transport {
  push(request: PushRequest): Promise<TransportResult<PushResponse>>;
  pull(request: PullRequest): Promise<TransportResult<PullResponse>>;
}

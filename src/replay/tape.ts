import type { ApiClient, Transport } from '../client/api-client';
import { pathAndQuery } from '../client/path-and-query';
import type { CassetteEntry } from './cassette';

/** One request and answer as they crossed the wire (secrets still in; redacted when written). */
export interface WireExchange {
  request: Parameters<Transport>[0];
  response: Awaited<ReturnType<Transport>>;
}

/** A transport that keeps every exchange it carries, in order (what `--record` writes). */
export function taped(transport: Transport, tape: WireExchange[]): Transport {
  return async (request) => {
    const response = await transport(request);
    tape.push({ request, response });
    return response;
  };
}

/** A wire exchange as a cassette entry, with the secrets the client learned replaced by placeholders. */
export function redactedEntry({ request, response }: WireExchange, api: Pick<ApiClient, 'redactor'>): CassetteEntry {
  const r = api.redactor;
  return {
    request: {
      method: request.method,
      url: r.text(pathAndQuery(request.url)),
      headers: r.headers(request.headers),
      ...(request.body !== undefined && { body: r.text(request.body) }),
    },
    response: { status: response.status, headers: r.headers(response.headers), text: r.text(response.text) },
  };
}

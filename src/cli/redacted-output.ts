import type { Readable, Writable } from 'node:stream';
import type { Redactor } from '../client/redactor';

/**
 * Copies a child's output to ours line by line through the redactor: the last net under the console,
 * for a secret that slipped past the workers' own redaction (a password, its base64, a Basic token,
 * a credential header spelt out in an error). Whole lines only, so no secret is split across writes;
 * the last partial line is flushed when the stream ends.
 */
export function pipeRedacted(from: Readable, to: Writable, redactor: Redactor): Promise<void> {
  let partial = '';
  return new Promise((done) => {
    from.setEncoding('utf8');
    from.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      if (lines.length) to.write(`${lines.map((l) => redactor.text(l)).join('\n')}\n`);
    });
    from.on('end', () => {
      if (partial) to.write(redactor.text(partial));
      partial = '';
      done();
    });
    from.on('error', () => done());
  });
}

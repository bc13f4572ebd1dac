// Reads the server's mail outbox (<dataDir>/outbox/*.eml, one RFC 5322 message per file, written
// atomically, names sorting by time) the way a person reads their inbox: the newest message to
// an address, and the 6-digit code in it. Bodies are 7bit or quoted-printable (base64 is handled
// too), single-part or multipart/alternative; subjects and names may be RFC 2047 encoded words.
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// ---- MIME decoding -------------------------------------------------------------------------

export function decodeQuotedPrintable(text) {
  const unfolded = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < unfolded.length; i++) {
    const ch = unfolded[i];
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(unfolded.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unfolded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(unfolded.charCodeAt(i) & 0xff); // the file is read as latin1: one char, one byte
    }
  }
  return Buffer.from(bytes);
}

function decodeBytes(buffer, charset = 'utf-8') {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(buffer);
  } catch {
    return buffer.toString('latin1');
  }
}

// RFC 2047: =?charset?Q|B?text?= ; whitespace between adjacent encoded words is dropped.
export function decodeWords(value) {
  return String(value)
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?[^?]+\?[QqBb]\?[^?]*\?=)/g, '$1')
    .replace(/=\?([^?*]+)(?:\*[^?]*)?\?([QqBb])\?([^?]*)\?=/g, (_, charset, encoding, text) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : decodeQuotedPrintable(text.replace(/_/g, ' '));
      return decodeBytes(bytes, charset);
    });
}

function splitHeaderBody(raw) {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { head: raw, body: '' };
  return { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
}

export function parseHeaders(head) {
  const headers = new Map();
  const lines = head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (!headers.has(name)) headers.set(name, value);
  }
  return headers;
}

function headerParam(value, param) {
  const re = new RegExp(`;\\s*${param}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i');
  const m = re.exec(value || '');
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeBody(body, headers) {
  const encoding = (headers.get('content-transfer-encoding') || '7bit').toLowerCase();
  const charset = headerParam(headers.get('content-type'), 'charset') || 'utf-8';
  let bytes;
  if (encoding === 'quoted-printable') bytes = decodeQuotedPrintable(body);
  else if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else bytes = Buffer.from(body, 'latin1');
  return decodeBytes(bytes, charset).replace(/\r\n/g, '\n');
}

// Collects the text/plain and text/html parts of an entity (recursing into multiparts).
function collectParts(head, body, out) {
  const headers = parseHeaders(head);
  const type = (headers.get('content-type') || 'text/plain').split(';')[0].trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = headerParam(headers.get('content-type'), 'boundary');
    if (!boundary) return;
    const delimiter = `--${boundary}`;
    const sections = body.split(delimiter).slice(1);
    for (const section of sections) {
      if (section.startsWith('--')) break;
      const part = section.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
      const split = splitHeaderBody(part);
      collectParts(split.head, split.body, out);
    }
    return;
  }
  if (type === 'text/plain' && out.text === undefined) out.text = decodeBody(body, headers);
  if (type === 'text/html' && out.html === undefined) out.html = decodeBody(body, headers);
}

function addressOf(value) {
  const decoded = decodeWords(value || '');
  const angle = /<([^>]+)>/.exec(decoded);
  return (angle ? angle[1] : decoded).trim().toLowerCase();
}

export function parseMessage(raw) {
  const { head, body } = splitHeaderBody(raw);
  const headers = parseHeaders(head);
  const parts = {};
  collectParts(head, body, parts);
  const text = parts.text ?? (parts.html ? parts.html.replace(/<[^>]*>/g, ' ') : '');
  return {
    headers,
    to: addressOf(headers.get('to')),
    subject: decodeWords(headers.get('subject') || ''),
    template: headers.get('x-tessera-template') || '',
    text,
    html: parts.html,
  };
}

// The first 6-digit number standing on its own (mails put the code before any link).
export function extractCode(text, digits = 6) {
  const m = new RegExp(`(?<![0-9])([0-9]{${digits}})(?![0-9])`).exec(text);
  return m ? m[1] : null;
}

// ---- the outbox ----------------------------------------------------------------------------

export class Outbox {
  constructor(dataDir) {
    this.dir = path.join(dataDir, 'outbox');
  }

  // Every message, oldest first: [{file, ...parseMessage}].
  async messages() {
    let names;
    try {
      names = await fs.readdir(this.dir);
    } catch (e) {
      if (e.code === 'ENOENT') return [];
      throw e;
    }
    names = names.filter((n) => n.endsWith('.eml') && !n.startsWith('.'));
    const withTimes = await Promise.all(
      names.map(async (name) => ({ name, mtime: (await fs.stat(path.join(this.dir, name), { bigint: true })).mtimeNs })),
    );
    withTimes.sort((a, b) => (a.mtime === b.mtime ? a.name.localeCompare(b.name) : a.mtime < b.mtime ? -1 : 1));
    return Promise.all(
      withTimes.map(async ({ name }) => ({
        file: name,
        ...parseMessage(await fs.readFile(path.join(this.dir, name), 'latin1')),
      })),
    );
  }

  // The names of the messages there now; pass to `waitFor` as `after` to wait for a new one.
  async mark() {
    return new Set((await this.messages()).map((m) => m.file));
  }

  async latestTo(address, { template } = {}) {
    const wanted = address.toLowerCase();
    const all = await this.messages();
    for (let i = all.length - 1; i >= 0; i--) {
      if (all[i].to === wanted && (!template || all[i].template === template)) return all[i];
    }
    return null;
  }

  // Waits for a message to `address` that was not in `after` (a Set from `mark()`), or for any
  // message to it when `after` is not given. Returns the newest.
  async waitFor(address, { after = new Set(), template, timeoutMs = 10_000 } = {}) {
    const wanted = address.toLowerCase();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const all = await this.messages();
      const fresh = all.filter(
        (m) => m.to === wanted && !after.has(m.file) && (!template || m.template === template),
      );
      if (fresh.length) return fresh[fresh.length - 1];
      if (Date.now() > deadline) {
        const seen = all.map((m) => `${m.file} to ${m.to}: ${m.subject}`).join('\n  ') || '(none)';
        throw new Error(`no new mail to ${address} within ${timeoutMs} ms; the outbox has:\n  ${seen}`);
      }
      await sleep(100);
    }
  }

  // The code in the newest (new, with `after`) message to `address`.
  async waitForCode(address, options = {}) {
    const message = await this.waitFor(address, options);
    const code = extractCode(message.text);
    if (!code) throw new Error(`no 6-digit code in ${message.file} ("${message.subject}"):\n${message.text}`);
    return code;
  }
}

// RFC 6238 TOTP (HMAC-SHA-1, 30-second steps, 6 digits by default) over RFC 4648 base32 secrets,
// computed with node:crypto. The server refuses a code whose step it has already accepted (replay
// protection) and accepts one step either side of now, so `TotpDevice` hands out codes for
// successive unused steps the way a careful person with an authenticator app would.
import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text) {
  const clean = String(text).replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error(`not a base32 character: ${JSON.stringify(ch)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

// RFC 4226 HOTP.
export function hotp(key, counter, { digits = 6, algorithm = 'sha1' } = {}) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function stepAt(unixSeconds, period = 30) {
  return Math.floor(unixSeconds / period);
}

// The code for `secret` (base32) at `unixSeconds` (default: now).
export function totp(secret, { time = Date.now() / 1000, period = 30, digits = 6, algorithm = 'sha1' } = {}) {
  return hotp(base32Decode(secret), stepAt(time, period), { digits, algorithm });
}

export function totpAtStep(secret, step, { digits = 6, algorithm = 'sha1' } = {}) {
  return hotp(base32Decode(secret), step, { digits, algorithm });
}

const devices = new Map();

// An authenticator app for one secret that never offers the same step twice. The server takes
// the steps now-1..now+1, so two sign-ins within one step need no wait; a third waits for the
// next step.
export class TotpDevice {
  // The one device for `secret` in this process, so separate tests that sign in to the same
  // account never offer a step another already used.
  static for(secret) {
    if (!devices.has(secret)) devices.set(secret, new TotpDevice(secret));
    return devices.get(secret);
  }

  constructor(secret, { period = 30 } = {}) {
    this.secret = secret;
    this.period = period;
    this.lastStep = -Infinity;
  }

  // Call after the server accepted a code it did not get from this device (e.g. set-up).
  markUsed(step) {
    this.lastStep = Math.max(this.lastStep, step);
  }

  async nextCode() {
    for (;;) {
      const now = Date.now() / 1000;
      const current = stepAt(now, this.period);
      // Leave a little time before the step ends, so the code is still good when it arrives.
      const secondsLeft = (current + 1) * this.period - now;
      let step = null;
      if (current > this.lastStep && secondsLeft > 3) step = current;
      else if (current + 1 > this.lastStep) step = current + 1;
      if (step !== null) {
        this.lastStep = step;
        return totpAtStep(this.secret, step);
      }
      await sleep(Math.ceil(secondsLeft * 1000) + 200);
    }
  }
}

// The TOTP helper the browser journeys rely on agrees with oathtool (OATH Toolkit), and with the
// RFC 6238 appendix B test vectors, for many secrets and times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { base32Decode, hotp, totp, TotpDevice, stepAt } from './support/totp.mjs';

function base32Encode(bytes) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

function oathtool(secret, unixSeconds) {
  return execFileSync('oathtool', ['--totp', '-b', secret, '--now', `@${unixSeconds}`], { encoding: 'utf8' }).trim();
}

test('base32 decoding matches RFC 4648 examples', () => {
  assert.equal(base32Decode('MZXW6YTBOI======').toString(), 'foobar');
  assert.equal(base32Decode('mzxw6ytboi').toString(), 'foobar');
  assert.equal(base32Decode('MZXW 6YTB OI').toString(), 'foobar');
  assert.throws(() => base32Decode('MZXW1'), /base32/);
});

test('RFC 6238 appendix B vectors (SHA-1, 8 digits)', () => {
  const key = Buffer.from('12345678901234567890');
  const vectors = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [t, expected] of vectors) assert.equal(hotp(key, stepAt(t), { digits: 8 }), expected, `T=${t}`);
});

test('TOTP codes match oathtool --totp for random secrets and times', () => {
  const times = [0, 29, 30, 59, 1_111_111_109, 1_700_000_000, Math.floor(Date.now() / 1000), 4_102_444_800];
  for (let i = 0; i < 6; i++) {
    // 20 bytes like the server's secrets, and odd lengths that end mid-quintet.
    const secret = base32Encode(crypto.randomBytes([20, 10, 16, 32, 7, 20][i]));
    for (const t of times) assert.equal(totp(secret, { time: t }), oathtool(secret, t), `secret ${secret} at ${t}`);
  }
});

test('TotpDevice never offers the same step twice', async () => {
  const secret = base32Encode(crypto.randomBytes(20));
  const device = new TotpDevice(secret);
  const first = await device.nextCode();
  const firstStep = device.lastStep;
  const second = await device.nextCode();
  assert.ok(device.lastStep > firstStep);
  assert.match(first, /^\d{6}$/);
  assert.match(second, /^\d{6}$/);
  const now = stepAt(Date.now() / 1000);
  assert.ok(device.lastStep <= now + 1, 'codes stay within the one-step window the server accepts');
});

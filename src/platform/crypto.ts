import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Protection of personal identifiers at rest (PIPL): an AES-256-GCM ciphertext
 * to read the value back for authorised views, and a keyed HMAC to find it
 * without ever storing or comparing it in clear. Both keys derive from the
 * one configured secret.
 */
export interface Protector {
  /** Ciphertext `v1.<iv>.<tag>.<data>` (base64url parts). */
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash for equality look-ups. */
  lookupHash(plain: string): string;
}

export function createProtector(secret: Buffer): Protector {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
  const encKey = derive('xinyong/pii-encryption/v1');
  const macKey = derive('xinyong/pii-lookup/v1');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        'v1',
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        data.toString('base64url'),
      ].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unrecognised ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return createHmac('sha256', macKey).update(plain).digest('hex');
    },
  };
}

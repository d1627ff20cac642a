import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECRETS } from './hostile-requests.js';

/** A --site folder with what a careless deployment leaves in it: dotfiles, and symlinks out and to them. */
export function hostileSite(): { site: string; remove(): void } {
  const site = mkdtempSync(join(tmpdir(), 'civic-fuzz-site-'));
  const outside = mkdtempSync(join(tmpdir(), 'civic-fuzz-outside-'));
  const put = (dir: string, name: string, body: string) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  };
  const [dotenv, gitconfig, outsideSecret, htpasswd] = SECRETS;
  put(site, 'index.html', '<h1>home</h1>');
  put(site, 'agenda/index.html', '<h1>agenda</h1>');
  put(site, '.well-known/security.txt', 'Contact: mailto:security@city.example');
  put(site, '.env', `DATABASE_URL=${dotenv}`);
  put(site, '.htpasswd', `admin:${htpasswd}`);
  put(site, '.git/config', `[remote "origin"] ${gitconfig}`);
  put(site, '.git/HEAD', `ref: ${gitconfig}`);
  put(outside, 'secret.txt', outsideSecret!);
  symlinkSync(join(outside, 'secret.txt'), join(site, 'leak.txt'));
  symlinkSync(outside, join(site, 'elsewhere'));
  symlinkSync(join(site, '.env'), join(site, 'env.txt'));
  symlinkSync(join(site, '.git'), join(site, 'public'));
  symlinkSync('.git/config', join(site, 'config.txt'));
  return {
    site,
    remove: () => {
      rmSync(site, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    },
  };
}

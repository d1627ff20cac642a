import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

// The WordPress coding basics that can be checked offline (no PHPCS with the WordPress standard here):
// PHP syntax, escaping on output, a nonce on the settings form, capability checks, direct-access
// guards, and one version everywhere.

const root = resolve(import.meta.dirname, '../..');
const plugin = join(root, 'integrations/wordpress/civic-widgets');
const phpFiles = readdirSync(plugin, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.php'))
  .map((entry) => join(entry.parentPath, entry.name));
const source = (path: string) => readFileSync(join(plugin, path), 'utf8');
const name = (path: string) => relative(plugin, path);

describe('the WordPress plugin', () => {
  it('passes php -l', { skip: !hasPhp() && !process.env.CI && 'php is not installed' }, () => {
    for (const file of phpFiles) assert.match(execFileSync('php', ['-l', file], { encoding: 'utf8' }), /No syntax errors/, name(file));
  });

  it('stops on direct access in every PHP file', () => {
    for (const file of phpFiles) {
      const text = readFileSync(file, 'utf8');
      if (/Silence is golden/.test(text)) continue;
      assert.match(text, /defined\( '(ABSPATH|WP_UNINSTALL_PLUGIN)' \)/, name(file));
    }
  });

  it('escapes everything it prints', () => {
    for (const file of phpFiles) {
      for (const [index, line] of readFileSync(file, 'utf8').split('\n').entries()) {
        const printed = line.match(/\b(?:echo|print)\s+(.*);/)?.[1];
        if (printed === undefined) continue;
        // Each printed piece is a literal string or goes through an escaping function.
        const pieces = printed.split(/\s\.\s/).map((piece) => piece.trim());
        for (const piece of pieces) {
          assert.ok(/^'[^']*'$/.test(piece) || /^(esc_(html|attr|url)(__)?|wp_json_encode)\(/.test(piece), `${name(file)}:${index + 1}: ${piece}`);
        }
      }
      // printf's arguments: every one after the format escaped (or checked(), which prints a constant).
      for (const call of readFileSync(file, 'utf8').matchAll(/\bprintf\(([\s\S]*?)\);\n/g)) {
        const args = call[1]!.split(/,\n/).slice(1).map((arg) => arg.trim()).filter(Boolean);
        for (const arg of args) assert.match(arg, /^(esc_(html|attr|url)(__)?|checked)\(/, `${name(file)}: printf argument ${arg}`);
      }
    }
  });

  it('writes element attributes only through esc_attr or esc_url', () => {
    const elements = source('includes/elements.php');
    assert.match(elements, /\$escaped = 'url' === \$kind \? esc_url\( \$value \) : esc_attr\( \$value \);/);
    assert.doesNotMatch(elements, /\$html \.= [^;]*\$value/);
  });

  it('protects the settings page with a capability check, a nonce and a sanitizer', () => {
    const page = source('includes/settings-page.php');
    assert.match(page, /add_options_page\([^;]*'manage_options'/);
    assert.match(page, /if \( ! current_user_can\( 'manage_options' \) \)/);
    assert.match(page, /settings_fields\( 'civic_widgets' \)/);
    assert.match(page, /'sanitize_callback' => 'civic_widgets_sanitize_options'/);
    assert.match(source('includes/options.php'), /esc_url_raw\( \$raw, array\( 'http', 'https' \) \)/);
  });

  it('says one version in the header, the constant, readme.txt and package.json', () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    const main = source('civic-widgets.php');
    assert.match(main, new RegExp(`\\* Version:\\s+${version}\\n`));
    assert.match(main, new RegExp(`define\\( 'CIVIC_WIDGETS_VERSION', '${version}' \\)`));
    assert.match(main, /License:\s+GPL-2\.0-or-later/);
    assert.match(source('readme.txt'), new RegExp(`Stable tag: ${version}\\n`));
  });
});

function hasPhp(): boolean {
  try {
    execFileSync('php', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

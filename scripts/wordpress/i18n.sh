#!/usr/bin/env bash
# The WordPress plugin's admin texts in German (issue 20): the settings page, the block editor's
# sidebar, block.json and the plugin header. Sources in git: wordpress/messenger-check/languages/
# messenger-check.pot (from the code) and messenger-check-de_DE.po (the German, formal "Sie");
# what WordPress loads is compiled when the plugin is built, with Debian's gettext:
#   scripts/wordpress/i18n.sh pot           rewrites the .pot from the PHP, the JavaScript (xgettext),
#                                           block.json and the plugin header (i18n.mjs), and merges it
#                                           into each .po: new texts arrive there untranslated.
#   scripts/wordpress/i18n.sh check [dir]   fails when the .pot is not what the code gives, when a text
#                                           has no German (untranslated, fuzzy or missing), when a .po
#                                           keeps a text the code no longer has or is not merged with
#                                           the .pot, or when a %s differs (msgfmt --check).
#                                           dir: a plugin folder (default wordpress/messenger-check).
#   scripts/wordpress/i18n.sh build <dir>   compiles <dir>/languages/*.po into what WordPress 6.1
#                                           loads: messenger-check-<locale>.mo (PHP: load_plugin_textdomain)
#                                           and messenger-check-<locale>-<md5 of the script's path>.json
#                                           (Jed, for the editor script: wp_set_script_translations), for
#                                           de_DE and for de_DE_formal, de_AT, de_CH, de_CH_informal,
#                                           which WordPress does not fall back from to de_DE; the German
#                                           is formal in all, the Swiss with "ss" for "ß".
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
say() { printf '[i18n] %s\n' "$*" >&2; }
fail() { printf 'i18n: %s\n' "$*" >&2; exit 1; }
domain=messenger-check
# The locales a .po serves besides its own: WordPress falls back from none of them to de_DE, so
# an Austrian or Swiss admin would get English. The German is formal "Sie" in all of them; the
# Swiss files write "ss" for "ß", as Swiss German does.
also_for() { case "$1" in de_DE) echo de_DE_formal de_AT de_CH de_CH_informal ;; esac; }

if ! command -v xgettext >/dev/null || ! command -v msgfmt >/dev/null || ! command -v msgmerge >/dev/null; then
  say "installing Debian's gettext"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gettext >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The template from the code of the plugin folder $1, written to $2. References name files,
# not lines, so that moving code does not change the template.
make_pot() {
  local dir out
  dir=$(cd "$1" && pwd)
  out=$2
  local common=(--from-code=UTF-8 --add-comments=translators: --add-location=file --no-wrap
    --package-name="$domain" --msgid-bugs-address=https://github.com/messenger-check/messenger-check/issues)
  node "$repo/scripts/wordpress/i18n.mjs" strings "$dir" > "$tmp/strings.po"
  (
    cd "$dir"
    mapfile -t php < <(find . -name '*.php' -not -path './widget/*' | sed 's#^\./##' | LC_ALL=C sort)
    mapfile -t js < <(find . -name '*.js' -not -path './widget/*' | sed 's#^\./##' | LC_ALL=C sort)
    xgettext "${common[@]}" -L PO -o "$tmp/out.pot" "$tmp/strings.po"
    xgettext "${common[@]}" -j -L PHP -o "$tmp/out.pot" -k \
      --keyword=__ --keyword=_e --keyword=esc_html__ --keyword=esc_html_e --keyword=esc_attr__ --keyword=esc_attr_e \
      --keyword=_x:1,2c --keyword=_ex:1,2c --keyword=esc_html_x:1,2c --keyword=esc_attr_x:1,2c \
      --keyword=_n:1,2 --keyword=_nx:1,2,4c --keyword=_n_noop:1,2 --keyword=_nx_noop:1,2,3c "${php[@]}"
    xgettext "${common[@]}" -j -L JavaScript -o "$tmp/out.pot" -k \
      --keyword=__ --keyword=_x:1,2c --keyword=_n:1,2 --keyword=_nx:1,2,4c "${js[@]}"
  )
  sed -i -e 's/^# SOME DESCRIPTIVE TITLE\.$/# The messenger-check WordPress plugin'"'"'s texts: written by scripts\/wordpress\/i18n.sh pot, do not edit./' \
    -e 's/^# Copyright (C) YEAR THE PACKAGE.S COPYRIGHT HOLDER$/# Copyright (C) the messenger-check contributors/' \
    -e 's/^# This file is distributed under the same license as the .* package\.$/# This file is distributed under the same licence as the plugin (GPL-2.0-or-later)./' \
    -e '/^# FIRST AUTHOR <EMAIL@ADDRESS>, YEAR\.$/d' \
    "$tmp/out.pot"
  grep -q 'strings\.po' "$tmp/out.pot" && fail "the plugin header's and block.json's texts lost their references"
  mv "$tmp/out.pot" "$out"
}

# The file without the lines that change on every run.
stable() { grep -v -e '^"POT-Creation-Date:' -e '^"PO-Revision-Date:' "$1"; }

# The msgids of a PO file's entries (one a line, without the header).
ids() { msgcat --no-wrap "$1" 2>/dev/null | sed -n 's/^#~ //; s/^msgid "\(..*\)"$/  \1/p'; }

case "${1:-}" in
  pot)
    dir=wordpress/messenger-check
    make_pot "$dir" "$tmp/new.pot"
    if [ -f "$dir/languages/$domain.pot" ] && diff -q <(stable "$tmp/new.pot") <(stable "$dir/languages/$domain.pot") >/dev/null; then
      say "$dir/languages/$domain.pot is up to date"
    else
      cp "$tmp/new.pot" "$dir/languages/$domain.pot"
      say "wrote $dir/languages/$domain.pot ($(ids "$tmp/new.pot" | wc -l) texts)"
    fi
    for po in "$dir"/languages/"$domain"-*.po; do
      [ -e "$po" ] || continue
      msgmerge --quiet --update --backup=none --no-wrap "$po" "$dir/languages/$domain.pot"
      msgattrib --no-wrap --untranslated --no-obsolete "$po" -o "$tmp/todo.po"
      msgattrib --no-wrap --only-fuzzy --no-obsolete "$po" -o "$tmp/fuzzy.po"
      say "merged into $po: $(ids "$tmp/todo.po" | wc -l) untranslated, $(ids "$tmp/fuzzy.po" | wc -l) fuzzy"
    done
    ;;
  check)
    dir=${2:-wordpress/messenger-check}
    make_pot "$dir" "$tmp/fresh.pot"
    problems=0
    if ! diff -u <(stable "$dir/languages/$domain.pot") <(stable "$tmp/fresh.pot") > "$tmp/pot.diff"; then
      cat "$tmp/pot.diff" >&2
      say "$dir/languages/$domain.pot is not what the code gives (above): run scripts/wordpress/i18n.sh pot, then translate what is new"
      problems=1
    fi
    count=0
    for po in "$dir"/languages/"$domain"-*.po; do
      [ -e "$po" ] || continue
      count=$((count + 1))
      msgfmt --check --output-file=/dev/null "$po" || { say "$po: msgfmt --check fails"; problems=1; }
      msgmerge --quiet --no-fuzzy-matching --no-wrap "$po" "$tmp/fresh.pot" -o "$tmp/merged.po"
      msgattrib --no-wrap --untranslated --no-obsolete "$tmp/merged.po" -o "$tmp/untranslated.po"
      msgattrib --no-wrap --only-fuzzy --no-obsolete "$tmp/merged.po" -o "$tmp/fuzzy.po"
      msgattrib --no-wrap --only-obsolete "$tmp/merged.po" -o "$tmp/obsolete.po"
      for what in untranslated fuzzy obsolete; do
        if [ -n "$(ids "$tmp/$what.po")" ]; then
          case $what in
            untranslated) say "$po: no translation for:" ;;
            fuzzy) say "$po: only a fuzzy (unchecked) translation for:" ;;
            obsolete) say "$po: texts the code no longer has:" ;;
          esac
          ids "$tmp/$what.po" >&2
          problems=1
        fi
      done
      # The .po as `pot` leaves it (the references tell the build which texts are the editor
      # script's).
      if [ "$problems" = 0 ] && ! diff -u <(stable "$po" | msgcat --no-wrap -) <(stable "$tmp/merged.po" | msgcat --no-wrap -) > "$tmp/po.diff"; then
        cat "$tmp/po.diff" >&2
        say "$po is not merged with the .pot (above): run scripts/wordpress/i18n.sh pot"
        problems=1
      fi
    done
    [ "$count" -gt 0 ] || { say "no $dir/languages/$domain-*.po"; problems=1; }
    [ "$problems" = 0 ] || fail "the plugin's translations are not complete (see above)"
    say "every one of the $(ids "$tmp/fresh.pot" | wc -l) texts has its translation in $count .po file(s)"
    ;;
  build)
    dir=${2:?usage: i18n.sh build <plugin-dir>}
    for po in "$dir"/languages/"$domain"-*.po; do
      [ -e "$po" ] || continue
      locale=${po##*/"$domain"-}
      locale=${locale%.po}
      mapfile -t scripts < <(sed -n 's/^#: //p' "$po" | tr ' ' '\n' | grep '\.js$' | LC_ALL=C sort -u)
      for l in "$locale" $(also_for "$locale"); do
        sed "s/^\"Language: $locale\\\\n\"\$/\"Language: $l\\\\n\"/" "$po" > "$tmp/$l.po"
        case "$l" in
          de_CH*) msgfilter --keep-header --no-wrap -i "$tmp/$l.po" -o "$tmp/$l.po.ss" sed -e 's/ß/ss/g' && mv "$tmp/$l.po.ss" "$tmp/$l.po" ;;
        esac
        msgfmt --check --output-file="$dir/languages/$domain-$l.mo" "$tmp/$l.po"
        for script in "${scripts[@]}"; do
          msggrep --location="$script" "$tmp/$l.po" -o "$tmp/script.po"
          msgfmt --output-file="$tmp/script.mo" "$tmp/script.po"
          hash=$(printf '%s' "$script" | md5sum | cut -c1-32)
          node "$repo/scripts/wordpress/i18n.mjs" json "$tmp/script.mo" "$script" "$l" > "$dir/languages/$domain-$l-$hash.json"
        done
        say "$l: $domain-$l.mo, ${#scripts[@]} script file(s) (${scripts[*]})"
      done
    done
    ;;
  *)
    echo "usage: scripts/wordpress/i18n.sh pot | check [plugin-dir] | build <plugin-dir>" >&2
    exit 2
    ;;
esac

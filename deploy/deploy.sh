#!/bin/sh
# Publish a built site to a server with nginx, so that a visitor never sees half a site:
#
#   deploy/deploy.sh [DIST] TARGET
#     DIST    the built site (default: dist)
#     TARGET  the site's folder on the server, e.g. deploy@web1:/srv/samenhier, or a local folder
#
# 1. rsync copies DIST into TARGET/releases/<new>/ (files unchanged since the live release are hard links
#    to it, so only changes travel and take space);
# 2. the fingerprinted assets of the live release (_astro/) are kept in the new one, so a page loaded just
#    before the switch still gets its CSS and JS;
# 3. TARGET/current, the folder nginx serves (root /srv/samenhier/current), is switched to the new release in
#    one rename (ln -sfn to a temporary link, then mv -T over current): every request sees the old release
#    or the new one, complete;
# 4. if the release's _nginx.conf changed, nginx is tested and reloaded (RELOAD, default below);
# 5. the newest KEEP releases stay (default 5), for a rollback: ln -sfn releases/<older> current.tmp && mv -T current.tmp current
#
# Environment: KEEP (releases kept), RELOAD (command that reloads nginx on the server; empty: no reload),
# SSH (ssh command, default "ssh").
set -eu

if [ $# -eq 1 ]; then dist=dist; target=$1; elif [ $# -eq 2 ]; then dist=$1; target=$2; else
  echo "usage: $0 [DIST] TARGET   (TARGET: host:/path or a local folder)" >&2; exit 2
fi
keep=${KEEP:-5}
reload=${RELOAD-sudo nginx -t && sudo systemctl reload nginx}
ssh_cmd=${SSH:-ssh}

for f in index.html 404.html _nginx.conf; do
  [ -f "$dist/$f" ] || { echo "$dist/$f is missing: build the site first (npm run build)" >&2; exit 1; }
done

case $target in
  *:*) host=${target%%:*}; base=${target#*:}; remote() { $ssh_cmd "$host" "$1"; }; dest="$host:";;
  *) host=; base=$target; remote() { sh -c "$1"; }; dest=;;
esac
base=${base%/}
release=$(date -u +%Y%m%dT%H%M%SZ)-$$
new="$base/releases/$release"
reload_line=
if [ -n "$reload" ]; then reload_line="if [ \$changed = yes ]; then $reload; fi"; fi

remote "mkdir -p '$base/releases'"
# --link-dest: files identical to the live release become hard links to it.
link=
if remote "[ -d '$base/current/' ]"; then link="--link-dest=$base/current/"; fi
rsync -a --delete $link ${host:+-e "$ssh_cmd"} "$dist/" "$dest$new/"

remote "
  set -eu
  if [ -d '$base/current/_astro' ]; then
    rsync -a --ignore-existing --link-dest='$base/current/_astro/' '$base/current/_astro/' '$new/_astro/'
  fi
  [ -f '$new/index.html' ] && [ -f '$new/_nginx.conf' ]
  changed=yes
  if [ -f '$base/current/_nginx.conf' ] && cmp -s '$base/current/_nginx.conf' '$new/_nginx.conf'; then changed=no; fi
  ln -sfn 'releases/$release' '$base/current.$release'
  mv -T '$base/current.$release' '$base/current'
  echo \"live: $new\"
  $reload_line
  cd '$base/releases'
  ls -1 | sort -r | tail -n +$((keep + 1)) | while read -r old; do [ \"\$old\" = '$release' ] || rm -rf -- \"\$old\"; done
"

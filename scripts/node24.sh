# Source this file: it puts a Node.js >= 24 first on PATH.
# The machine may ship an older Node; the project then installs the `node@24` npm package (which
# carries the official binary) into a per-user cache, once, and reuses it afterwards.
# Override the cache folder with SWITCHYARD_NODE_CACHE.
_sy_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_sy_node_major node)" -lt 24 ]; then
  _sy_cache="${SWITCHYARD_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/switchyard/node24}"
  if [ "$(_sy_node_major "$_sy_cache/node_modules/node/bin/node")" -lt 24 ]; then
    echo "switchyard: installing Node.js 24 (npm package node@24) into $_sy_cache" >&2
    mkdir -p "$_sy_cache"
    npm install --silent --no-save --no-audit --no-fund --no-package-lock --prefix "$_sy_cache" node@24 >&2 || {
      echo "switchyard: could not install node@24 from the npm registry" >&2; return 1 2>/dev/null || exit 1; }
  fi
  PATH="$_sy_cache/node_modules/node/bin:$PATH"
  export PATH
  unset _sy_cache
fi
unset -f _sy_node_major

#!/usr/bin/env bash
# Gathers everything bench/gpu/nodeTrain.ts needs on a GPU machine with no Node and no
# network into bench/gpu/dist (gitignored): the bundle, the `webgpu` package (dawn.node),
# this machine's Node binary (stripped, xz-compressed) and libvulkan.so.1.
#   WEBGPU_PACKAGE: unpacked npm `webgpu` package (default /tmp/wg/package)
#   LIBVULKAN: libvulkan.so.1 to ship (default: extracted from Debian's libvulkan1 via apt-get download)
# Run there: cd bench/gpu/dist && ./run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/gpu/dist
webgpu=${WEBGPU_PACKAGE:-/tmp/wg/package}
mkdir -p "$out/lib" "$out/node_modules/webgpu/dist/linux-x64"
npx esbuild bench/gpu/nodeTrain.ts --bundle --platform=node --format=esm --target=node20 \
  --main-fields=module,main --log-level=warning --outfile="$out/nodeTrain.mjs" \
  --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
cp "$webgpu/index.js" "$webgpu/package.json" "$out/node_modules/webgpu/"
cp "$webgpu/dist/linux-x64/dawn.node" "$out/node_modules/webgpu/dist/linux-x64/"
if [ -n "${NODE_XZ:-}" ]; then
  cp "$NODE_XZ" "$out/node.xz"
elif [ ! -f "$out/node.xz" ]; then
  cp "$(readlink -f "$(command -v node)")" "$out/node"
  strip "$out/node"
  xz -9 -T0 -f "$out/node"
fi
if [ -z "${LIBVULKAN:-}" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get download libvulkan1 >/dev/null && dpkg-deb -x libvulkan1_*.deb x)
  LIBVULKAN=$(find "$tmp/x" -name 'libvulkan.so.1.*' | head -1)
fi
cp -L "$LIBVULKAN" "$out/lib/libvulkan.so.1"
# The NVIDIA Vulkan driver (libGLX_nvidia) needs libGLdispatch and X11 client libraries even
# headless; run.sh adds these only when the machine lacks them.
mkdir -p "$out/lib-fallback"
for name in libGLdispatch.so.0 libX11.so.6 libXext.so.6 libxcb.so.1 libXau.so.6 libXdmcp.so.6 libbsd.so.0 libmd.so.0; do
  file=$(ldconfig -p | awk -v n="$name" '$1 == n && /x86-64/ { print $NF; exit }')
  if [ -n "$file" ]; then cp -L "$file" "$out/lib-fallback/$name"; else echo "warning: no $name here" >&2; fi
done
cat > "$out/run.sh" <<'RUN'
#!/usr/bin/env bash
# Runs the bundled benchmark with the shipped Node and libvulkan (Dawn's Vulkan backend).
set -eu
cd "$(dirname "$0")"
if [ ! -x node ]; then
  if command -v xz >/dev/null; then xz -d -k -f node.xz
  else python3 -c 'import lzma, shutil; shutil.copyfileobj(lzma.open("node.xz"), open("node", "wb"))'
  fi
  chmod +x node
fi
export LD_LIBRARY_PATH="$PWD/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# Vulkan drivers to try, in order: VK_ICD_FILENAMES if set, else the NVIDIA ICD as installed
# (libGLX_nvidia) and then the same driver through libEGL_nvidia (headless machines often
# can't start the GLX one). The first one Dawn opens a device on is used.
probe() { BENCH_PROBE=1 ./node nodeTrain.mjs; }
missing_deps() {
  local icd=$1
  case "$icd" in /*) ;; ?*) icd=$(ldconfig -p | awk -v n="$icd" '$1 == n && /x86-64/ { print $NF; exit }') ;; esac
  [ -n "$icd" ] || { echo "  $1: not found" >&2; return 1; }
  echo "  driver library: $icd" >&2
  if ldd "$icd" 2>/dev/null | grep -q 'not found'; then
    echo "  missing: $(ldd "$icd" | grep 'not found' | tr -s ' \t\n' ' ') -> adding lib-fallback" >&2
    export LD_LIBRARY_PATH="$LD_LIBRARY_PATH:$PWD/lib-fallback"
  fi
}
candidates=()
if [ -n "${VK_ICD_FILENAMES:-}" ]; then
  candidates=("$VK_ICD_FILENAMES")
else
  mkdir -p icd
  for lib in libGLX_nvidia.so.0 libEGL_nvidia.so.0; do
    printf '{"file_format_version": "1.0.1", "ICD": {"library_path": "%s", "api_version": "1.3.0"}}\n' "$lib" > "icd/${lib%%.so*}.json"
  done
  [ -f /usr/share/vulkan/icd.d/nvidia_icd.json ] && candidates+=(/usr/share/vulkan/icd.d/nvidia_icd.json)
  candidates+=("$PWD/icd/libGLX_nvidia.json" "$PWD/icd/libEGL_nvidia.json")
fi
chosen=""
for candidate in "${candidates[@]}"; do
  lib=$(sed -n 's/.*"library_path" *: *"\([^"]*\)".*/\1/p' "$candidate" | head -1)
  echo "Vulkan ICD $candidate ($lib):" >&2
  missing_deps "$lib" || continue
  if VK_ICD_FILENAMES="$candidate" probe; then chosen=$candidate; break; fi
done
if [ -z "$chosen" ]; then
  echo "no Vulkan ICD worked; driver files here:" >&2
  ls /usr/local/nvidia/lib64 /usr/lib/x86_64-linux-gnu 2>/dev/null | grep -iE 'nvidia|EGL|GLX|vulkan' | sort -u | tr '\n' ' ' >&2; echo >&2
  ls /dev/nvidia* /dev/dri 2>&1 | tr '\n' ' ' >&2; echo >&2
  env | grep -i '^NVIDIA' >&2 || true
  chosen=${candidates[0]:-/usr/share/vulkan/icd.d/nvidia_icd.json}
fi
echo "using VK_ICD_FILENAMES=$chosen" >&2
export VK_ICD_FILENAMES="$chosen"
exec ./node nodeTrain.mjs "$@"
RUN
chmod +x "$out/run.sh"
du -sh "$out"

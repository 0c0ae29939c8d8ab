#!/usr/bin/env bash
# Regenerates src/main/resources/triage/t2s.txt, the traditional → simplified character table the
# triage normaliser reads. The mapping is derived from OpenCC's dictionaries (Apache License 2.0,
# https://github.com/BYVoid/OpenCC) through Debian's `opencc` tool (apt-get install opencc):
# every CJK ideograph is converted alone with t2s, then hk2s and tw2s for variants t2s keeps.
# A character that is itself the simplified form of another (s2t changes it, e.g. 么, 只) is kept
# as it is, so simplified text passes through unchanged.
set -euo pipefail
command -v opencc >/dev/null || { echo "needs the opencc tool: apt-get install opencc" >&2; exit 1; }
out=${1:-$(dirname "$0")/../src/main/resources/triage/t2s.txt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
perl -CO -e 'print chr($_), "\n" for 0x3400..0x4DBF, 0x4E00..0x9FFF, 0xF900..0xFAFF' > "$work/chars"
for config in s2t t2s hk2s tw2s; do
  opencc -c "$config" -i "$work/chars" -o "$work/$config"
done
{
  echo "# Traditional → simplified Chinese, one character pair per line (traditional TAB simplified)."
  echo "# Derived from OpenCC's dictionaries (Apache License 2.0, https://github.com/BYVoid/OpenCC,"
  version=$(dpkg-query -W -f='${Version}' opencc 2>/dev/null || echo unknown)
  echo "# Debian opencc $version) by scripts/triage-generate-t2s.sh; do not edit by hand."
  paste "$work/chars" "$work/s2t" "$work/t2s" "$work/hk2s" "$work/tw2s" | perl -CSD -F'\t' -lane '
    my ($c, $traditional, @candidates) = @F;
    next if $traditional ne $c;
    for my $s (@candidates) { if (length($s) == 1 && ord($s) <= 0xFFFF && $s ne $c) { print "$c\t$s"; last } }'
} > "$out"
echo "wrote $(grep -vc '^#' "$out") pairs to $out"

#!/usr/bin/env bash
# lines of Java per module: main (src/main), tests (src/test); generated code excluded
cd "$1"
printf "%-24s %8s %8s %6s %6s\n" module main test mainF testF
for m in $(sed -n 's|.*<module>\(.*\)</module>.*|\1|p' pom.xml); do
  mm=$(find $m/src/main -name '*.java' 2>/dev/null | xargs cat 2>/dev/null | wc -l)
  tt=$(find $m/src/test -name '*.java' 2>/dev/null | xargs cat 2>/dev/null | wc -l)
  mf=$(find $m/src/main -name '*.java' 2>/dev/null | wc -l); tf=$(find $m/src/test -name '*.java' 2>/dev/null | wc -l)
  printf "%-24s %8s %8s %6s %6s\n" $m $mm $tt $mf $tf
done

#!/usr/bin/env bash
# What one new password's checks cost in CPU at worst (docs/benchmarks.md, section 7): the whole
# PasswordPolicy.check (raw-length cap, NFKC, length, username, the blocklist with zxcvbn over
# affordable stretches) for a corpus of pathological inputs per class, each timed SAMPLES times on
# its thread's CPU clock, against the median CPU time of one Argon2id hash, in RUNS fresh JVMs. Also
# prints what the old check (zxcvbn over the whole password) cost for the finding's input.
#   bench/password-check-cost.sh            (RUNS=3 SAMPLES=5)
# The benchmark main is adapters-password/src/test/java/.../PasswordCheckCostBenchmark.java. It is
# compiled with javac straight from the working tree's sources (-sourcepath: only the classes it
# reaches, its test helpers included, so a half-edited file elsewhere cannot stop it) against
# adapters-password's dependency jars; no build of the project is needed.
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
SAMPLES="${SAMPLES:-5}"

cp="$(module_benchmark_classpath adapters-password \
    adapters-password/src/test/java/dev/warden/adapter/password/PasswordCheckCostBenchmark.java)"

machine_line
results="$BENCH_WORK/results"
benchmark_runs "$RUNS" "$cp" dev.warden.adapter.password.PasswordCheckCostBenchmark "$SAMPLES"

read -r argon2 argon2min argon2max <<<"$(grep ' argon2 ' "$results" | field cpu_p50_ms | stats)"
echo "SUMMARY one Argon2id hash: CPU p50 $argon2 ms [$argon2min-$argon2max] over $RUNS JVMs"
for class in $(grep -o 'class=[^ ]*' "$results" | cut -d= -f2 | awk '!seen[$0]++'); do
  read -r med medmin medmax <<<"$(grep " class=$class " "$results" | field median_ms | stats)"
  read -r max maxmin maxmax <<<"$(grep " class=$class " "$results" | field max_ms | stats)"
  inputs=$(grep -m1 " class=$class " "$results" | field inputs)
  calls=$(grep " class=$class " "$results" | field most_zxcvbn_calls | sort -n | tail -1)
  printf 'SUMMARY %-20s %3s inputs: median %6s ms [%s-%s], max %6s ms [%s-%s] = %s hash; zxcvbn calls per input at most %s\n' \
    "$class" "$inputs" "$med" "$medmin" "$medmax" "$max" "$maxmin" "$maxmax" \
    "$(awk -v m="$max" -v a="$argon2" 'BEGIN { printf "%.2f", m / a }')" "$calls"
done
for length in $(grep ' old_whole_zxcvbn ' "$results" | field length | awk '!seen[$0]++'); do
  read -r old oldmin oldmax <<<"$(grep " old_whole_zxcvbn length=$length " "$results" | field cpu_ms | stats)"
  echo "SUMMARY the old check (zxcvbn over the whole password), the finding's input at $length code points:" \
       "$old ms [$oldmin-$oldmax] = $(awk -v m="$old" -v a="$argon2" 'BEGIN { printf "%.1f", m / a }') hashes"
done
read -r worst worstmin worstmax <<<"$(grep ' overall ' "$results" | field max_ms | stats)"
echo "SUMMARY the costliest input of each run: $worst ms [$worstmin-$worstmax]" \
     "= $(awk -v m="$worst" -v a="$argon2" 'BEGIN { printf "%.2f", m / a }') of one hash (goal: at most about 1)"
grep ' overall ' "$results" | sed 's/.*worst=/  costliest: /'

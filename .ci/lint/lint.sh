#!/usr/bin/env bash
# Lints every BPMN model in processes/ with bpmnlint
# (bpmnlint:recommended + camunda-compat rules for Camunda 7.24; see .bpmnlintrc).
# Any finding - error, warning or info - fails the run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

shopt -s nullglob
models=(../../processes/*.bpmn)
if [ "${#models[@]}" -eq 0 ]; then
  echo "model lint: no BPMN models found in processes/" >&2
  exit 1
fi

# bpmnlint resolves moddleExtensions from the working directory (this folder).
if report=$(node_modules/.bin/bpmnlint --max-warnings 0 "${models[@]}" 2>&1); then
  echo "model lint: ${#models[@]} BPMN model(s) checked, 0 problems"
else
  printf '%s\n' "$report" >&2
  echo "model lint: FAILED - bpmnlint found problems in ${#models[@]} BPMN model(s) checked" >&2
  exit 1
fi

#!/usr/bin/env bash
# One kubeconfig per workshop seat, each able to act only in that seat's own namespaces
# (<prefix>-seat<N>-south, <prefix>-seat<N>-north): a service account per seat with the `admin` role
# bound in its namespaces, and a token of `--duration`. Run it with a cluster-admin kubeconfig, once
# per cluster context; then start the workshop with `--kubeconfig-dir <out>`.
#
#   deploy/kubeconfigs/make-seat-kubeconfigs.sh --seats 60 --out seat-kubeconfigs [--context local] [--prefix ws] [--duration 12h]
set -euo pipefail

seats=""; out=""; context=""; prefix="ws"; duration="12h"
while [ $# -gt 0 ]; do
  case "$1" in
    --seats) seats="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --context) context="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the comment at the top of this script)" >&2; exit 2 ;;
  esac
done
if [ -z "$seats" ] || [ -z "$out" ]; then
  echo "usage: $0 --seats N --out DIR [--context NAME] [--prefix ws] [--duration 12h]" >&2
  exit 2
fi
kubectl_cmd=(kubectl)
command -v kubectl >/dev/null || kubectl_cmd=(oc)
[ -n "$context" ] && kubectl_cmd+=(--context "$context")
server=$("${kubectl_cmd[@]}" config view --minify -o jsonpath='{.clusters[0].cluster.server}')
ca=$("${kubectl_cmd[@]}" config view --minify --raw -o jsonpath='{.clusters[0].cluster.certificate-authority-data}')
mkdir -p "$out"
chmod 700 "$out"

for n in $(seq 1 "$seats"); do
  account="${prefix}-seat${n}"
  "${kubectl_cmd[@]}" get namespace "$account-south" >/dev/null 2>&1 || "${kubectl_cmd[@]}" create namespace "$account-south" >/dev/null
  "${kubectl_cmd[@]}" get namespace "$account-north" >/dev/null 2>&1 || "${kubectl_cmd[@]}" create namespace "$account-north" >/dev/null
  "${kubectl_cmd[@]}" -n "$account-south" get serviceaccount "$account" >/dev/null 2>&1 ||
    "${kubectl_cmd[@]}" -n "$account-south" create serviceaccount "$account" >/dev/null
  for ns in "$account-south" "$account-north"; do
    "${kubectl_cmd[@]}" -n "$ns" get rolebinding "$account-admin" >/dev/null 2>&1 ||
      "${kubectl_cmd[@]}" -n "$ns" create rolebinding "$account-admin" --clusterrole=admin \
        --serviceaccount="$account-south:$account" >/dev/null
  done
  token=$("${kubectl_cmd[@]}" -n "$account-south" create token "$account" --duration "$duration")
  file="$out/seat-$(printf '%03d' "$n").kubeconfig"
  umask 077
  cat >"$file" <<CONFIG
apiVersion: v1
kind: Config
clusters:
- name: workshop
  cluster:
    server: ${server}
    certificate-authority-data: ${ca}
users:
- name: ${account}
  user:
    token: ${token}
contexts:
- name: ${context:-local}
  context:
    cluster: workshop
    user: ${account}
    namespace: ${account}-south
current-context: ${context:-local}
CONFIG
  echo "seat $n: $file (namespaces $account-south, $account-north)"
done

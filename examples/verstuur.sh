#!/usr/bin/env bash
# Sample aanbieder client: sends one bericht to Knooppunt and prints the hub's answer. Needs only curl or sftp.
#
#   examples/verstuur.sh soap <bericht.xml>
#   examples/verstuur.sh sftp <agb> <private key> <bericht.xml>
#
# soap: VerstuurBericht on $KNOOPPUNT_URL/ws/berichten (default http://localhost:8080; the embedded default takes SOAP
#       without a client certificate on loopback). Prints status, traceerId and meldingen.
# sftp: logs in to $KNOOPPUNT_SFTP (default 127.0.0.1:2222) as the AGB-code with the key, puts the file in uit/ under a
#       temporary name and renames it, then waits for the verwerkingsverslag in in/, prints it and deletes it.
#       The hub's host key is pinned on first use in $KNOOPPUNT_KNOWN_HOSTS (default ~/.ssh/known_hosts).
set -euo pipefail

gebruik() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

soap() {
  local bestand=$1 url=${KNOOPPUNT_URL:-http://localhost:8080}
  [ -r "$bestand" ] || { echo "niet leesbaar: $bestand" >&2; exit 2; }
  local antwoord
  antwoord=$(curl -sS --fail-with-body -H 'Content-Type: text/xml; charset=utf-8' -H 'SOAPAction: ""' \
    --data-binary @- "$url/ws/berichten" <<SOAP
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:kp="urn:knooppunt:berichten:1">
  <soapenv:Body><kp:VerstuurBericht>
    <kp:bestandsnaam>$(basename "$bestand")</kp:bestandsnaam>
    <kp:bericht>$(base64 -w0 "$bestand")</kp:bericht>
  </kp:VerstuurBericht></soapenv:Body>
</soapenv:Envelope>
SOAP
  ) || { echo "SOAP-fout (probeer het later opnieuw):" >&2; echo "$antwoord" >&2; exit 1; }
  # MTOM: the answer is a small multipart; the SOAP envelope is its first part
  local xml
  xml=$(printf '%s' "$antwoord" | tr -d '\r' | sed -n '/<soap:Envelope/,/<\/soap:Envelope>/p')
  echo "status:    $(veld status "$xml")"
  echo "traceerId: $(veld traceerId "$xml")"
  printf '%s' "$xml" | grep -o '<meldingen>.*</meldingen>' | sed 's#</meldingen>#&\n#g' \
    | sed -n 's#.*<code>\(.*\)</code><omschrijving>\(.*\)</omschrijving>.*#melding:   \1 \2#p' || true
  [ "$(veld status "$xml")" = GEACCEPTEERD ]
}

veld() { printf '%s' "$2" | grep -o "<$1>[^<]*</$1>" | head -1 | sed "s#<$1>\(.*\)</$1>#\1#"; }

sftp_() {
  local agb=$1 sleutel=$2 bestand=$3 adres=${KNOOPPUNT_SFTP:-127.0.0.1:2222}
  [ -r "$bestand" ] || { echo "niet leesbaar: $bestand" >&2; exit 2; }
  local host=${adres%:*} port=${adres##*:} naam
  naam=$(basename "$bestand")
  local opties=(-F /dev/null -P "$port" -i "$sleutel" -o IdentitiesOnly=yes -o BatchMode=yes -o ConnectTimeout=10
    -o StrictHostKeyChecking=accept-new -o "UserKnownHostsFile=${KNOOPPUNT_KNOWN_HOSTS:-$HOME/.ssh/known_hosts}")
  lijst() { echo "ls -1 in/" | sftp "${opties[@]}" -b - "$agb@$host" 2>/dev/null | grep -F "in/$naam." \
    | grep '\.verslag\.xml$' || true; }
  local eerder
  eerder=$(lijst)
  sftp "${opties[@]}" -b - "$agb@$host" >/dev/null <<BATCH
put $bestand uit/$naam.part
rename uit/$naam.part uit/$naam
BATCH
  echo "verstuurd: uit/$naam; wacht op het verwerkingsverslag in in/ ..."
  local verslag
  werk=$(mktemp -d)
  trap 'rm -rf "$werk"' EXIT
  for _ in $(seq 1 60); do
    # a verslag for this file name that was not there before the upload
    verslag=$(lijst | grep -vxF -f <(printf '%s\n' "$eerder") | head -1 || true)
    if [ -n "$verslag" ]; then
      sftp "${opties[@]}" -b - "$agb@$host" >/dev/null <<BATCH
get $verslag $werk/verslag.xml
rm $verslag
BATCH
      cat "$werk/verslag.xml"; echo
      grep -q '<Status>GEACCEPTEERD</Status>' "$werk/verslag.xml"
      return
    fi
    sleep 1
  done
  echo "geen verslag na 60 s" >&2
  exit 1
}

case "${1:-}" in
  soap) [ $# -eq 2 ] || gebruik; soap "$2" ;;
  sftp) [ $# -eq 4 ] || gebruik; sftp_ "$2" "$3" "$4" ;;
  *) gebruik ;;
esac

#!/usr/bin/env bash
# Run once by the `init` service of docker/compose.yaml: generates what the hubs, the broker and the database need into
# the volume mounted at $1, and leaves it alone on later runs (so passwords and the pseudonym key stay the same).
# In production, replace this with your secret store: the hubs only need the files below (application-prod.yml reads
# every file in KNOOPPUNT_SECRETS_DIR as the property of the same name).
set -euo pipefail
hier=$(cd "$(dirname "$0")" && pwd)
dir=${1:?usage: init.sh <map>}
mkdir -p "$dir"
cd "$dir"

# the secrets, one file each, named after the property the prod profile reads
GEHEIMEN="KNOOPPUNT_DB_PASSWORD KNOOPPUNT_BROKER_PASSWORD KNOOPPUNT_PSEUDONYM_SECRET KNOOPPUNT_SOAP_TLS_KEYSTOREPASSWORD KNOOPPUNT_SOAP_TLS_TRUSTSTOREPASSWORD BROKER_KEYSTORE_PASSWORD GRAFANA_ADMIN_PASSWORD"
for naam in $GEHEIMEN; do
  if [ ! -s "$naam" ]; then
    head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$naam"
  fi
done

if [ ! -s broker.p12 ]; then
  # the broker's TLS key; the hubs trust its certificate (broker-trust.p12, a public certificate: password knooppunt)
  keytool -genkeypair -alias artemis -keyalg RSA -keysize 3072 -validity 825 -storetype PKCS12 -keystore broker.p12 \
    -storepass "$(cat BROKER_KEYSTORE_PASSWORD)" -dname CN=artemis -ext san=dns:artemis
  keytool -exportcert -alias artemis -keystore broker.p12 -storepass "$(cat BROKER_KEYSTORE_PASSWORD)" -file broker.crt
  keytool -importcert -noprompt -alias artemis -file broker.crt -storetype PKCS12 -keystore broker-trust.p12 \
    -storepass knooppunt
fi
if [ ! -s soap-server.p12 ]; then
  # SOAP over mutual TLS: a self-signed server key for a first start. Replace soap-server.p12 with the PKIoverheid
  # server certificate and soap-trust.p12 with the CAs of the participants (docs/operations.md, Certificates).
  keytool -genkeypair -alias hub -keyalg RSA -keysize 3072 -validity 825 -storetype PKCS12 -keystore soap-server.p12 \
    -storepass "$(cat KNOOPPUNT_SOAP_TLS_KEYSTOREPASSWORD)" -dname CN=knooppunt -ext san=dns:localhost,dns:hub-1,dns:hub-2
  keytool -genkeypair -alias demo-ca -keyalg RSA -keysize 3072 -validity 825 -storetype PKCS12 -keystore demo-ca.p12 \
    -storepass "$(cat KNOOPPUNT_SOAP_TLS_TRUSTSTOREPASSWORD)" -dname "CN=Knooppunt demo CA" -ext bc:c
  keytool -exportcert -alias demo-ca -keystore demo-ca.p12 -storepass "$(cat KNOOPPUNT_SOAP_TLS_TRUSTSTOREPASSWORD)" \
    -file demo-ca.crt
  keytool -importcert -noprompt -alias demo-ca -file demo-ca.crt -storetype PKCS12 -keystore soap-trust.p12 \
    -storepass "$(cat KNOOPPUNT_SOAP_TLS_TRUSTSTOREPASSWORD)"
fi
sed "s/@BROKER_KEYSTORE_PASSWORD@/$(cat BROKER_KEYSTORE_PASSWORD)/" "$hier/broker.properties" > broker.properties

# readable by the hub (uid 10001), the broker and the database, which run as other users; the volume is mounted into
# these containers only
chmod 0444 ./*
echo "init: geheimen en TLS-stores in $dir"

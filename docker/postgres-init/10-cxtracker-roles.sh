#!/usr/bin/env bash
# Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d), as its superuser:
# the two CX Tracker logins of docs/OPERATIONS.md and their database, and (production example) Keycloak's database.
#   CX_DB_OWNER_USER / CX_DB_OWNER_PASSWORD  owns the database; the app's schema migrator logs in as it
#   CX_DB_USER / CX_DB_PASSWORD              WildFly's datasource; owns nothing, the app grants it what it needs
#   CX_DB_NAME                               the database (cxtracker)
#   KC_DB_USERNAME / KC_DB_PASSWORD          when set: a role and database of the same name for Keycloak
set -euo pipefail

: "${CX_DB_OWNER_PASSWORD:?set CX_DB_OWNER_PASSWORD}" "${CX_DB_PASSWORD:?set CX_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="${CX_DB_NAME:-cxtracker}" \
    -v owner="${CX_DB_OWNER_USER:-cxtracker_owner}" -v owner_password="$CX_DB_OWNER_PASSWORD" \
    -v app="${CX_DB_USER:-cxtracker_app}" -v app_password="$CX_DB_PASSWORD" <<'SQL'
CREATE ROLE :"owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'app_password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";
SQL

if [ -n "${KC_DB_PASSWORD:-}" ]; then
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
      -v kc="${KC_DB_USERNAME:-keycloak}" -v kc_password="$KC_DB_PASSWORD" <<'SQL'
CREATE ROLE :"kc" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'kc_password';
CREATE DATABASE :"kc" OWNER :"kc";
REVOKE ALL ON DATABASE :"kc" FROM PUBLIC;
SQL
fi

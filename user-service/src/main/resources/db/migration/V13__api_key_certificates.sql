-- Client TLS certificates registered to API keys (IMCO's clients authenticate with a certificate, not a header): a
-- registered certificate authenticates exactly as its key. Kept by the SHA-256 fingerprint of the DER certificate,
-- the only thing a request is looked up by; subject, issuer and expiry are kept for listing. Deleting a row
-- revokes the certificate; revoking the key revokes its certificates with it (the lookup joins the live key).
CREATE TABLE api_key_certificates (
    fingerprint TEXT        PRIMARY KEY CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    api_key_id  UUID        NOT NULL REFERENCES api_keys (id),
    subject     TEXT        NOT NULL,
    issuer      TEXT        NOT NULL,
    not_after   TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX api_key_certificates_key_idx ON api_key_certificates (api_key_id);

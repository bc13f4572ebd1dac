#pragma once
// Operator configuration: defaults, then a properties/INI file, then TESSERA_* environment
// variables (key "http.port" <- TESSERA_HTTP_PORT). Read once at start-up into plain values.
#include <Poco/Util/AbstractConfiguration.h>

#include <cstdint>
#include <string>

#include "tessera/shared/Result.h"

namespace tessera::infra {

struct Settings {
    int httpPort = 8080;
    std::string httpHost = "0.0.0.0";
    int httpThreads = 16;
    std::size_t maxBodyBytes = 64 * 1024;
    std::string publicUrl;  // the issuer; default http://localhost:PORT
    std::string dataDir = "./var";
    std::string databaseUrl;  // default: sqlite in dataDir
    std::string smtpUrl;      // empty: write .eml files to dataDir/outbox
    std::string mailFrom = "Tessera <no-reply@tessera.localhost>";
    std::string resourcesDir;  // migrations, templates, catalogues, password list
    bool demo = false;
    // Where the demo council service (examples/demo-service) runs, for its demo registration:
    // redirect, post-logout and back-channel logout URIs. The service reads the same variable.
    std::string demoServiceUrl = "http://127.0.0.1:8081";
    // A selfie video (WebM) for the demo applications: with it they are document + video
    // applications (LoA 3) a reviewer can play; without, document photos only.
    std::string demoSelfieVideo;
    std::string organisationName = "Tessera";
    std::string organisationLogoUrl;                // optional: a path on this site or an https:// URL
    std::string organisationColour = "#14556b";     // brand colour, #rrggbb
    std::string webAssetsDir;                       // govuk-frontend's dist folder (default: the checkout's node_modules)
    std::string webPhase;                           // "", "alpha" or "beta": the portal's phase banner

    // Sessions
    std::int64_t sessionIdleSeconds = 30 * 60;
    std::int64_t sessionAbsoluteSeconds = 12 * 3600;
    std::int64_t pendingSessionSeconds = 60 * 60;  // sign-up and second-factor stages
    bool cookieSecure = true;                       // may be off only for plain-http localhost

    // Password hashing (OWASP: Argon2id m=19 MiB, t=2, p=1 or stronger)
    std::uint32_t argon2MemoryKiB = 19456;
    std::uint32_t argon2Iterations = 2;
    std::uint32_t argon2Parallelism = 1;

    // OpenID Connect provider: token lifetimes and signing-key rotation.
    std::int64_t oidcAccessTokenSeconds = 10 * 60;
    std::int64_t oidcIdTokenSeconds = 10 * 60;
    std::int64_t oidcKeyRotationDays = 90;
    std::int64_t oidcKeyPrepublishHours = 24;
    int oidcRsaKeyBits = 3072;

    // Terms must be re-accepted after this many days even without a new version.
    std::int64_t termsReacceptanceDays = 365;

    // Throttling of failed sign-ins
    int throttleFreeFailures = 3;       // failures before delays start
    int throttleLockFailures = 10;      // failures that lock the account or address for a while
    std::int64_t throttleLockSeconds = 15 * 60;
    std::int64_t throttleWindowSeconds = 60 * 60;

    // Levels of assurance (DESIGN.md): each level's rule is alternatives separated by "|", each a
    // set of evidence kinds (and "loaN" for a lower level) joined by "+". Parsed and checked by
    // core/assurance/AssurancePolicy; an unparsable rule stops start-up.
    std::string assuranceLoa1 = "vital_record+address";
    std::string assuranceLoa2 = "loa1+known_fact|loa1+photo_review";
    std::string assuranceLoa3 = "loa1+document_review";
    // The acr value of each level, for services (OpenID Connect); defaults urn:tessera:loa:N.
    std::string acrLoa0 = "urn:tessera:loa:0", acrLoa1 = "urn:tessera:loa:1", acrLoa2 = "urn:tessera:loa:2",
                acrLoa3 = "urn:tessera:loa:3";
    // The trust framework verified claims are given under (OpenID Connect for Identity
    // Assurance verification.trust_framework); empty counts as the default.
    std::string assuranceTrustFramework = "uk_tfida";
    std::int64_t registerEvidenceDays = 0;     // register matches lapse after this; 0: never
    std::int64_t documentGraceDays = 0;        // a document counts this long past its expiry date
    std::int64_t reviewEvidenceDays = 3 * 365; // a reviewer's approval lapses after this at most

    // Identity verification: register checks, applications, media, review.
    int matchAttemptsPerDay = 3;               // per account and kind of register check
    std::int64_t draftExpiryDays = 30;         // a draft application left this long expires
    std::int64_t mediaRetentionDays = 90;      // media of decided applications are deleted after this
    std::int64_t reviewClaimMinutes = 30;      // a reviewer's claim on a case lapses after this
    std::int64_t reviewSlaHours = 48;          // the service level: submission to decision
    std::int64_t mediaTokenSeconds = 300;      // a reviewer's link to a photo or video lasts this long
    std::size_t photoMaxBytes = 10 * 1024 * 1024;
    std::size_t videoMaxBytes = 50 * 1024 * 1024;
    std::int64_t videoMinSeconds = 2;
    std::int64_t videoMaxSeconds = 30;
    // Registers: "csv:PATH" or an http(s) URL of a register's JSON API; empty = the sample
    // register shipped in resources/registers.
    std::string registerVitalRecords, registerAddresses, registerKnownFacts, registerDocuments;
    int registerConnectTimeoutMs = 2000;
    int registerReadTimeoutMs = 3000;
    int registerRetries = 2;
    int registerBreakerFailures = 5;
    std::int64_t registerBreakerCoolOffSeconds = 30;
    std::string registerClientCert, registerClientKey, registerCaFile;  // mutual TLS (optional)

    // The reviewer workstation's built-in OpenID Connect client (core/services/WorkstationClient.h):
    // registered at start-up under this client_id; empty: none.
    std::string workstationClientId = "tessera-reviewer";

    std::string logFormat = "json";  // json | text
    std::string logLevel = "information";

    // Reads every key from config (with env overrides applied); validates values.
    static Result<Settings> from(const Poco::Util::AbstractConfiguration& config);
    std::string sqlitePath() const { return dataDir + "/tessera.db"; }
    std::string outboxDir() const { return dataDir + "/outbox"; }
    std::string blobDir() const { return dataDir + "/blobs"; }
};

// Where govuk-frontend's dist folder is when web.assets_dir is not set: the checkout's
// node_modules (as `npm ci` installs it), else an installed copy.
std::string defaultWebAssetsDir();

// Copies TESSERA_* environment variables over the configuration keys they name.
void applyEnvironmentOverrides(Poco::Util::AbstractConfiguration& config);

}  // namespace tessera::infra

#include "infra/Settings.h"

#include <Poco/Environment.h>
#include <Poco/Path.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <vector>

namespace tessera::infra {

namespace {

// Every configuration key an operator may set; the env name is TESSERA_ + upper(key, '.'->'_').
const std::vector<std::string>& knownKeys() {
    static const std::vector<std::string> keys = {
        "http.port", "http.host", "http.threads", "http.max_body_bytes", "public.url", "data.dir",
        "database.url", "smtp.url", "mail.from", "resources.dir", "demo", "demo.service_url", "demo.selfie_video", "organisation.name",
        "organisation.logo_url", "organisation.colour", "web.assets_dir", "web.phase",
        "session.idle_seconds", "session.absolute_seconds", "session.pending_seconds", "cookie.secure",
        "oidc.access_token_seconds", "oidc.id_token_seconds", "oidc.key_rotation_days", "oidc.key_prepublish_hours",
        "oidc.rsa_key_bits", "argon2.memory_kib", "argon2.iterations", "argon2.parallelism", "terms.reacceptance_days",
        "throttle.free_failures", "throttle.lock_failures", "throttle.lock_seconds", "throttle.window_seconds",
        "assurance.loa1", "assurance.loa2", "assurance.loa3", "assurance.acr_loa0", "assurance.acr_loa1",
        "assurance.acr_loa2", "assurance.acr_loa3", "assurance.trust_framework", "assurance.register_evidence_days", "assurance.document_grace_days",
        "assurance.review_evidence_days", "verification.match_attempts_per_day", "verification.draft_expiry_days",
        "verification.media_retention_days", "verification.photo_max_bytes", "verification.video_max_bytes",
        "verification.video_min_seconds", "verification.video_max_seconds", "review.claim_minutes", "review.sla_hours",
        "review.media_token_seconds", "registers.vital_records", "registers.addresses", "registers.known_facts",
        "registers.documents", "registers.connect_timeout_ms", "registers.read_timeout_ms", "registers.retries",
        "registers.breaker_failures", "registers.breaker_cool_off_seconds", "registers.client_cert",
        "registers.client_key", "registers.ca_file", "workstation.client_id",
        "log.format", "log.level"};
    return keys;
}

std::string envName(const std::string& key) {
    std::string out = "TESSERA_";
    for (char c : key) out += (c == '.') ? '_' : char(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string defaultResourcesDir() {
#ifdef TESSERA_DEFAULT_RESOURCES
    if (std::filesystem::is_directory(TESSERA_DEFAULT_RESOURCES)) return TESSERA_DEFAULT_RESOURCES;
#endif
    if (std::filesystem::is_directory("resources/migrations")) return std::filesystem::absolute("resources").string();
    return "/usr/share/tessera";
}

bool isHexColour(const std::string& v) {
    return v.size() == 7 && v[0] == '#' &&
           std::all_of(v.begin() + 1, v.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

// A path on this site ("/brand/logo.svg") or an https URL, with nothing that could break out
// of an HTML attribute or a CSP source list.
bool isLogoUrl(const std::string& v) {
    if (v.empty()) return true;
    const bool sitePath = v.size() > 1 && v[0] == '/' && v[1] != '/' && v[1] != '\\';
    if (!sitePath && v.rfind("https://", 0) != 0) return false;
    return std::none_of(v.begin(), v.end(), [](unsigned char c) {
        return c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == ';' ||
               c == ',';
    });
}

// An OAuth client_id (RFC 6749 Appendix A.1: visible ASCII), without spaces so it reads the
// same in every form it is sent in; empty is allowed (no client).
bool isClientId(const std::string& v) {
    return v.size() <= 100 && std::all_of(v.begin(), v.end(), [](unsigned char c) { return c > 0x20 && c < 0x7f; });
}

}  // namespace

std::string defaultWebAssetsDir() {
    const std::string inPackage = "node_modules/govuk-frontend/dist";
#ifdef TESSERA_DEFAULT_RESOURCES
    const auto checkout = std::filesystem::path(TESSERA_DEFAULT_RESOURCES).parent_path() / inPackage;
    if (std::filesystem::is_directory(checkout)) return checkout.string();
#endif
    if (std::filesystem::is_directory(inPackage)) return std::filesystem::absolute(inPackage).string();
    return "/usr/share/tessera/govuk-frontend/dist";
}

void applyEnvironmentOverrides(Poco::Util::AbstractConfiguration& config) {
    for (const auto& key : knownKeys()) {
        const std::string name = envName(key);
        if (Poco::Environment::has(name)) config.setString(key, Poco::Environment::get(name));
    }
}

Result<Settings> Settings::from(const Poco::Util::AbstractConfiguration& c) {
    Settings s;
    std::vector<FieldError> errors;
    auto integer = [&](const std::string& key, auto& target, long long min, long long max) {
        if (!c.hasProperty(key)) return;
        try {
            long long v = std::stoll(c.getString(key));
            if (v < min || v > max) throw std::out_of_range("range");
            target = static_cast<std::remove_reference_t<decltype(target)>>(v);
        } catch (...) {
            errors.push_back({key, "out_of_range",
                              key + " (" + envName(key) + ") must be a whole number from " + std::to_string(min) +
                                  " to " + std::to_string(max) + "."});
        }
    };
    auto boolean = [&](const std::string& key, bool& target) {
        if (!c.hasProperty(key)) return;
        std::string v = c.getString(key);
        std::transform(v.begin(), v.end(), v.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
        if (v == "1" || v == "true" || v == "yes" || v == "on") target = true;
        else if (v == "0" || v == "false" || v == "no" || v == "off" || v.empty()) target = false;
        else errors.push_back({key, "not_boolean", key + " (" + envName(key) + ") must be 1/0, true/false."});
    };
    auto text = [&](const std::string& key, std::string& target) {
        if (c.hasProperty(key)) target = c.getString(key);
    };

    integer("http.port", s.httpPort, 0, 65535);
    text("http.host", s.httpHost);
    integer("http.threads", s.httpThreads, 1, 1024);
    integer("http.max_body_bytes", s.maxBodyBytes, 1024, 64LL * 1024 * 1024);
    text("public.url", s.publicUrl);
    text("data.dir", s.dataDir);
    text("database.url", s.databaseUrl);
    text("smtp.url", s.smtpUrl);
    text("mail.from", s.mailFrom);
    text("resources.dir", s.resourcesDir);
    boolean("demo", s.demo);
    text("demo.service_url", s.demoServiceUrl);
    text("demo.selfie_video", s.demoSelfieVideo);
    text("organisation.name", s.organisationName);
    text("organisation.logo_url", s.organisationLogoUrl);
    text("organisation.colour", s.organisationColour);
    text("web.assets_dir", s.webAssetsDir);
    text("web.phase", s.webPhase);
    integer("session.idle_seconds", s.sessionIdleSeconds, 60, 7 * 24 * 3600);
    integer("session.absolute_seconds", s.sessionAbsoluteSeconds, 300, 30 * 24 * 3600);
    integer("session.pending_seconds", s.pendingSessionSeconds, 60, 24 * 3600);
    boolean("cookie.secure", s.cookieSecure);
    integer("oidc.access_token_seconds", s.oidcAccessTokenSeconds, 60, 24 * 3600);
    integer("oidc.id_token_seconds", s.oidcIdTokenSeconds, 60, 24 * 3600);
    integer("oidc.key_rotation_days", s.oidcKeyRotationDays, 1, 3650);
    integer("oidc.key_prepublish_hours", s.oidcKeyPrepublishHours, 0, 30 * 24);
    integer("oidc.rsa_key_bits", s.oidcRsaKeyBits, 2048, 4096);
    integer("argon2.memory_kib", s.argon2MemoryKiB, 8, 4 * 1024 * 1024);
    integer("argon2.iterations", s.argon2Iterations, 1, 100);
    integer("argon2.parallelism", s.argon2Parallelism, 1, 64);
    integer("terms.reacceptance_days", s.termsReacceptanceDays, 1, 3650);
    integer("throttle.free_failures", s.throttleFreeFailures, 0, 100);
    integer("throttle.lock_failures", s.throttleLockFailures, 1, 1000);
    integer("throttle.lock_seconds", s.throttleLockSeconds, 1, 7 * 24 * 3600);
    integer("throttle.window_seconds", s.throttleWindowSeconds, 60, 7 * 24 * 3600);
    text("assurance.loa1", s.assuranceLoa1);
    text("assurance.loa2", s.assuranceLoa2);
    text("assurance.loa3", s.assuranceLoa3);
    text("assurance.acr_loa0", s.acrLoa0);
    text("assurance.acr_loa1", s.acrLoa1);
    text("assurance.acr_loa2", s.acrLoa2);
    text("assurance.acr_loa3", s.acrLoa3);
    text("assurance.trust_framework", s.assuranceTrustFramework);
    integer("assurance.register_evidence_days", s.registerEvidenceDays, 0, 36500);
    integer("assurance.document_grace_days", s.documentGraceDays, 0, 3650);
    integer("assurance.review_evidence_days", s.reviewEvidenceDays, 1, 36500);
    integer("verification.match_attempts_per_day", s.matchAttemptsPerDay, 1, 100);
    integer("verification.draft_expiry_days", s.draftExpiryDays, 1, 3650);
    integer("verification.media_retention_days", s.mediaRetentionDays, 1, 3650);
    integer("verification.photo_max_bytes", s.photoMaxBytes, 64 * 1024, 100LL * 1024 * 1024);
    integer("verification.video_max_bytes", s.videoMaxBytes, 1024 * 1024, 500LL * 1024 * 1024);
    integer("verification.video_min_seconds", s.videoMinSeconds, 1, 600);
    integer("verification.video_max_seconds", s.videoMaxSeconds, 1, 600);
    integer("review.claim_minutes", s.reviewClaimMinutes, 1, 24 * 60);
    integer("review.sla_hours", s.reviewSlaHours, 1, 30 * 24);
    integer("review.media_token_seconds", s.mediaTokenSeconds, 10, 3600);
    text("registers.vital_records", s.registerVitalRecords);
    text("registers.addresses", s.registerAddresses);
    text("registers.known_facts", s.registerKnownFacts);
    text("registers.documents", s.registerDocuments);
    integer("registers.connect_timeout_ms", s.registerConnectTimeoutMs, 50, 60000);
    integer("registers.read_timeout_ms", s.registerReadTimeoutMs, 50, 120000);
    integer("registers.retries", s.registerRetries, 0, 10);
    integer("registers.breaker_failures", s.registerBreakerFailures, 1, 1000);
    integer("registers.breaker_cool_off_seconds", s.registerBreakerCoolOffSeconds, 1, 3600);
    text("registers.client_cert", s.registerClientCert);
    text("registers.client_key", s.registerClientKey);
    text("registers.ca_file", s.registerCaFile);
    text("workstation.client_id", s.workstationClientId);
    text("log.format", s.logFormat);
    text("log.level", s.logLevel);
    if (s.videoMinSeconds >= s.videoMaxSeconds)
        errors.push_back({"verification.video_min_seconds", "out_of_range",
                          "verification.video_min_seconds must be shorter than verification.video_max_seconds."});

    if (s.logFormat != "json" && s.logFormat != "text")
        errors.push_back({"log.format", "unknown", "log.format (TESSERA_LOG_FORMAT) must be json or text."});
    if (!isHexColour(s.organisationColour))
        errors.push_back({"organisation.colour", "not_a_colour",
                          "organisation.colour (TESSERA_ORGANISATION_COLOUR) must be a colour like #1d70b8."});
    if (!isLogoUrl(s.organisationLogoUrl))
        errors.push_back({"organisation.logo_url", "not_a_logo_url",
                          "organisation.logo_url (TESSERA_ORGANISATION_LOGO_URL) must be a path on this site "
                          "(/brand/logo.svg) or an https:// URL."});
    if (s.webPhase != "" && s.webPhase != "alpha" && s.webPhase != "beta")
        errors.push_back({"web.phase", "unknown", "web.phase (TESSERA_WEB_PHASE) must be empty, alpha or beta."});
    if (s.oidcRsaKeyBits != 2048 && s.oidcRsaKeyBits != 3072 && s.oidcRsaKeyBits != 4096)
        errors.push_back({"oidc.rsa_key_bits", "unknown", "oidc.rsa_key_bits (TESSERA_OIDC_RSA_KEY_BITS) must be 2048, 3072 or 4096."});
    if (s.oidcKeyPrepublishHours * 3600 >= s.oidcKeyRotationDays * 24 * 3600)
        errors.push_back({"oidc.key_prepublish_hours", "out_of_range",
                          "oidc.key_prepublish_hours must be shorter than oidc.key_rotation_days."});
    while (!s.demoServiceUrl.empty() && s.demoServiceUrl.back() == '/') s.demoServiceUrl.pop_back();
    if (s.demoServiceUrl.rfind("http://", 0) != 0 && s.demoServiceUrl.rfind("https://", 0) != 0)
        errors.push_back({"demo.service_url", "not_a_url",
                          "demo.service_url (TESSERA_DEMO_SERVICE_URL) must be the demo service's http(s) URL, like "
                          "http://127.0.0.1:8081."});
    if (!isClientId(s.workstationClientId))
        errors.push_back({"workstation.client_id", "not_a_client_id",
                          "workstation.client_id (TESSERA_WORKSTATION_CLIENT_ID) must be at most 100 printable ASCII "
                          "characters without spaces, or empty to register no workstation client."});
    if (s.dataDir.empty()) errors.push_back({"data.dir", "empty", "data.dir (TESSERA_DATA_DIR) must not be empty."});
    if (!errors.empty()) return Error::invalid("bad_configuration", "The configuration has errors.", errors);

    if (s.publicUrl.empty()) s.publicUrl = "http://localhost:" + std::to_string(s.httpPort);
    while (!s.publicUrl.empty() && s.publicUrl.back() == '/') s.publicUrl.pop_back();
    if (s.databaseUrl.empty()) s.databaseUrl = "sqlite://" + s.sqlitePath();
    if (s.resourcesDir.empty()) s.resourcesDir = defaultResourcesDir();
    if (s.webAssetsDir.empty()) s.webAssetsDir = defaultWebAssetsDir();
    // A cookie without Secure is only acceptable when the service is plain-http on this machine.
    if (!c.hasProperty("cookie.secure")) s.cookieSecure = s.publicUrl.rfind("https://", 0) == 0;
    return s;
}

}  // namespace tessera::infra

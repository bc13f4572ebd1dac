#include "web/DemoData.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/auth/TotpSecrets.h"
#include "core/services/ClientSecret.h"
#include "core/services/Roles.h"
#include "core/services/ServiceRegistry.h"
#include "core/services/UrlRules.h"
#include "core/services/WorkstationClient.h"
#include "core/terms/TermsService.h"
#include "infra/Encoding.h"
#include "infra/Random.h"
#include "infra/Totp.h"
#include "web/DemoDataIdentities.h"

namespace tessera::web {

namespace {

struct DemoAccount {
    std::string email, password, name, secondFactor;  // "totp" or "email"
    std::string postcode, town, line1, dateOfBirth, sex;
    std::string role = "citizen";  // "citizen", or a staff role granted to the account
};

// Known demo passwords are fine here: demo mode is for trying Tessera on one machine and
// prints them anyway. They are long enough and not on the common-password list.
const std::vector<DemoAccount>& demoAccounts() {
    static const std::vector<DemoAccount> accounts = {
        {"citizen@demo.tessera.localhost", "demo citizen passphrase", "Morag MacLeod", "totp", "EH1 1YZ", "Edinburgh",
         "1 High Street", "1985-04-12", "female"},
        {"email-citizen@demo.tessera.localhost", "demo email passphrase", "Callum Fraser", "email", "G1 1XQ", "Glasgow",
         "10 George Square", "1990-11-03", "male"},
        {"admin@demo.tessera.localhost", "demo admin passphrase", "Ailsa Grant", "totp", "AB10 1AQ", "Aberdeen",
         "2 Union Street", "1979-06-21", "female", "admin"},
        // People of the sample registers (resources/registers/README.md). Hamish is at LoA 0 with
        // nothing verified, for walking through the verification pages; the others are verified
        // by DemoDataIdentities.
        {"hamish@demo.tessera.localhost", "demo hamish passphrase", "Hamish Iain Stewart", "totp", "PH1 5LQ", "Perth",
         "3 Tay Street", "1972-08-30", "male"},
        {"catriona@demo.tessera.localhost", "demo catriona passphrase", "Catriona Anne Drummond", "totp", "DD1 4JT",
         "Dundee", "21 Perth Road", "1986-04-09", "female"},
        {"eilidh@demo.tessera.localhost", "demo eilidh passphrase", "Eilidh Mairi MacLeod", "totp", "HS1 2DU",
         "Stornoway", "7 Bayhead", "1990-11-23", "female"},
        {"sean@demo.tessera.localhost", "demo sean passphrase", "Seán Patrick O'Brien", "totp", "G12 8TT", "Glasgow",
         "101 Byres Road", "1988-03-17", "male"},
        // Reviewers for the applications above (the workstation, or the review API).
        {"reviewer@demo.tessera.localhost", "demo reviewer passphrase", "Rhona Kerr", "totp", "EH8 9YL", "Edinburgh",
         "5 Pleasance", "1983-02-14", "female", "reviewer"},
        {"senior-reviewer@demo.tessera.localhost", "demo senior passphrase", "Duncan Munro", "totp", "IV1 1QY",
         "Inverness", "9 Church Street", "1975-09-30", "male", "senior_reviewer"},
    };
    return accounts;
}

// Creates the account if it is missing; returns its TOTP secret in base32 (empty for email 2FA).
Result<std::string> ensureAccount(Services& services, const DemoAccount& d) {
    auto& ctx = services;
    if (auto existing = ctx.accounts.findByEmail(d.email)) {
        if (existing->totpSecret.empty()) return std::string();
        auto secret = core::openTotpSecret(ctx.dataKey, existing->id, existing->totpSecret);
        if (!secret) return secret.error();
        return infra::encoding::base32(*secret);
    }
    core::TermsService terms(ctx);
    auto current = terms.current("en");
    if (!current) return current.error();
    std::vector<std::string> termsIds;
    for (const auto& doc : *current) termsIds.push_back(doc.id);

    const std::int64_t t = ctx.clock.now();
    core::Account a;
    a.id = infra::random::id();
    a.email = d.email;
    a.emailVerified = true;
    a.name = d.name;
    a.dateOfBirth = d.dateOfBirth;
    a.sex = d.sex;
    a.address = {d.line1, "", d.town, d.postcode};
    a.language = "en";
    a.passwordHash = ctx.passwords.hash(d.password);
    a.status = core::AccountStatus::Active;
    a.createdAt = a.updatedAt = t;
    std::string secret;
    if (d.secondFactor == "totp") {
        secret = infra::totp::generateSecret();
        a.secondFactor = core::SecondFactorMethod::Totp;
        a.totpSecret = core::sealTotpSecret(ctx.dataKey, a.id, secret);
    } else {
        a.secondFactor = core::SecondFactorMethod::Email;
    }
    auto created = ctx.db.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
        if (auto r = ctx.accounts.insert(s, a); !r) return r.error();
        if (auto r = terms.accept(s, a.id, termsIds, t); !r) return r.error();
        if (auto r = ctx.audit.append(s, {"account.demo_seeded", "system", a.id, "", {}}); !r) return r.error();
        return 1;
    });
    if (!created) return created.error();
    return secret.empty() ? std::string() : infra::encoding::base32(secret);
}

Status grantDemoRole(Services& services, const DemoAccount& d) {
    const auto role = core::roleFrom(d.role);
    if (!role) return {};  // a citizen
    const auto account = services.accounts.findByEmail(d.email);
    if (!account) return Error::internal("The demo account " + d.email + " is missing.");
    return core::Roles(services).grant(account->id, *role, {"system", ""});
}

// The demo relying party, played by examples/demo-service (tessera-demo-service) at
// `serviceUrl` (demo.service_url). Its callback is registered on a loopback host, so any port
// matches (RFC 8252 §7.3); the logout URIs are exact, since the server calls or compares them.
core::ServiceChanges demoCouncil(const std::string& serviceUrl) {
    core::ServiceChanges c;
    c.name = "Demo council";
    c.description = "A council service for trying Tessera: it signs citizens in and reads the claims they share.";
    // On 127.0.0.1 (any port) unless the service runs elsewhere. One host only: pairwise
    // subjects without a sector identifier need all redirect URIs on one host.
    const std::string loopbackCallback = "http://127.0.0.1/callback";
    const bool onLoopback = core::urls::redirectMatches(loopbackCallback, serviceUrl + "/callback");
    c.redirectUris = std::vector<std::string>{onLoopback ? loopbackCallback : serviceUrl + "/callback"};
    // "http://127.0.0.1/" is for relying parties the end-to-end tests play on a loopback port.
    std::vector<std::string> afterLogout{"http://127.0.0.1/", "http://127.0.0.1/signed-out"};
    if (!core::urls::redirectMatches(afterLogout.back(), serviceUrl + "/signed-out"))
        afterLogout.push_back(serviceUrl + "/signed-out");
    c.postLogoutRedirectUris = afterLogout;
    c.backchannelLogoutUri = serviceUrl + "/backchannel-logout";
    c.clientType = "confidential";
    c.tokenEndpointAuthMethod = "client_secret_basic";
    c.grantTypes = std::vector<std::string>{"authorization_code", "refresh_token", "client_credentials"};
    c.allowedScopes = std::vector<std::string>{"openid", "profile", "email", "address", "offline_access"};
    c.allowedClaims = std::vector<std::string>{"name", "email", "email_verified", "address", "birthdate",
                                               "verified_claims"};
    c.consentText = std::map<std::string, std::string>{
        {"en", "Demo council uses your name, email address and home address to manage your council tax and to "
               "write to you."},
        {"fr", "Demo council utilise votre nom, votre adresse e-mail et votre adresse postale pour gérer votre taxe "
               "locale et vous écrire."},
        {"gd", "Cleachdaidh Demo council d’ainm, do sheòladh puist-d agus do sheòladh dachaigh airson cìs na "
               "comhairle agad a stiùireadh agus airson sgrìobhadh thugad."}};
    return c;
}

// True when the stored service already has what the demo registration sets.
bool matchesDemoCouncil(const core::Service& s, const core::ServiceChanges& c) {
    return s.description == *c.description && s.redirectUris == *c.redirectUris &&
           s.postLogoutRedirectUris == *c.postLogoutRedirectUris && s.backchannelLogoutUri == *c.backchannelLogoutUri &&
           s.grantTypes == *c.grantTypes && s.allowedScopes == *c.allowedScopes && s.allowedClaims == *c.allowedClaims &&
           s.consentText == *c.consentText;
}

// The client_id and secret a previous run wrote to the credentials file, if any.
std::pair<std::string, std::string> previousDemoClient(const std::string& path, const std::string& name) {
    try {
        std::ifstream in(path);
        if (!in) return {};
        Poco::JSON::Parser parser;
        auto root = parser.parse(in).extract<Poco::JSON::Object::Ptr>();
        auto list = root ? root->getArray("services") : nullptr;
        for (std::size_t i = 0; list && i < list->size(); ++i) {
            auto o = list->getObject(static_cast<unsigned>(i));
            if (o && o->optValue<std::string>("name", "") == name)
                return {o->optValue<std::string>("clientId", ""), o->optValue<std::string>("clientSecret", "")};
        }
    } catch (const std::exception&) {
    }
    return {};
}

// An enabled service with this name, for when the credentials file is gone.
std::optional<core::Service> findByName(core::ServiceRegistry& registry, const std::string& name) {
    std::string after;
    do {
        auto page = registry.list(core::ServiceRegistry::kMaxPageSize, after);
        if (!page) return std::nullopt;
        for (const auto& s : page->items)
            if (s.name == name && !s.disabled) return s;
        after = page->next;
    } while (!after.empty());
    return std::nullopt;
}

// Creates the demo service if it is missing. Its secret is stored hashed, so a restart reuses
// the one in the credentials file when it still matches, and rotates it otherwise.
Result<core::ServiceWithSecret> ensureDemoService(Services& services, const std::string& credentialsPath) {
    core::ServiceRegistry registry(services);
    const core::ServiceChanges wanted = demoCouncil(services.settings.demoServiceUrl);
    const core::Actor system{"system", ""};
    const auto [clientId, secret] = previousDemoClient(credentialsPath, *wanted.name);
    std::optional<core::Service> existing = clientId.empty() ? std::nullopt : registry.findByClientId(clientId);
    if (!existing) existing = findByName(registry, *wanted.name);
    if (!existing) return registry.create(wanted, system);
    // The demo service's URL (or this registration) changed since the last start: follow it.
    if (!matchesDemoCouncil(*existing, wanted)) {
        core::ServiceChanges changes = wanted;
        changes.name.reset();
        auto updated = registry.update(existing->id, changes, existing->version, system);
        if (!updated) return updated.error();
        existing = *updated;
    }
    if (core::client_secret::matches(secret, existing->secretHash)) return core::ServiceWithSecret{*existing, secret};
    return registry.rotateSecret(existing->id, system);
}

// The reviewer workstation's built-in client (core/services/WorkstationClient.h), for
// tessera-reviewer's settings; null when workstation.client_id is empty.
Poco::Dynamic::Var workstationEntry(Services& services, std::ostringstream& text) {
    const auto& settings = services.settings;
    if (settings.workstationClientId.empty()) return Poco::Dynamic::Var();
    const auto client = core::ServiceStore(services.db).findByClientId(settings.workstationClientId);
    if (!client) return Poco::Dynamic::Var();
    Poco::JSON::Array scopes;
    for (const auto& scope : client->allowedScopes) scopes.add(scope);
    Poco::JSON::Object o;
    o.set("clientId", client->clientId);
    o.set("redirectUri", std::string(core::kWorkstationRedirectUri));
    o.set("scopes", scopes);
    o.set("issuer", settings.publicUrl);
    text << "Reviewer workstation (tessera-reviewer program): client_id " << client->clientId << "  redirect URI "
         << core::kWorkstationRedirectUri << " (any port; public client, PKCE S256, no secret)\n";
    return o;
}

}  // namespace

Result<std::string> seedDemoData(Services& services) {
    const auto& settings = services.settings;
    Poco::JSON::Array accounts;
    std::ostringstream text;
    text << "\nDemo mode. Sign in at " << settings.publicUrl << " as:\n";
    for (const auto& d : demoAccounts()) {
        auto secret = ensureAccount(services, d);
        if (!secret) return secret.error();
        if (auto granted = grantDemoRole(services, d); !granted) return granted.error();
        Poco::JSON::Object o;
        o.set("role", d.role);
        o.set("email", d.email);
        o.set("name", d.name);
        o.set("password", d.password);
        o.set("secondFactor", d.secondFactor);
        if (!secret->empty()) o.set("totpSecret", *secret);
        accounts.add(o);
        text << "  " << (d.role == "citizen" ? "" : d.role + ": ") << d.email << "  password: \"" << d.password << "\"  ";
        if (!secret->empty()) text << "TOTP secret: " << *secret << "  (oathtool --totp -b " << *secret << ")\n";
        else text << "codes by email: see " << settings.outboxDir() << "\n";
    }
    auto identities = demo::seedDemoIdentities(services);
    if (!identities) return identities.error();
    for (const auto& note : *identities) text << "  note: " << note << "\n";
    if (identities->empty())
        text << "Catriona is verified to level 2 (verified_claims at the demo service); Eilidh's and Sean's applications\n"
         << "wait for a reviewer; Hamish has verified nothing yet.\n";
    const std::string path = settings.dataDir + "/demo-credentials.json";
    auto council = ensureDemoService(services, path);
    if (!council) return council.error();
    Poco::JSON::Array demoServices;
    {
        const core::Service& service = council->service;
        Poco::JSON::Array redirectUris;
        for (const auto& uri : service.redirectUris) redirectUris.add(uri);
        Poco::JSON::Object o;
        o.set("name", service.name);
        o.set("clientId", service.clientId);
        o.set("clientSecret", council->clientSecret);
        o.set("redirectUris", redirectUris);
        o.set("issuer", settings.publicUrl);
        o.set("serviceUrl", settings.demoServiceUrl);
        demoServices.add(o);
        text << "Demo service \"" << service.name << "\": client_id " << service.clientId << "  client_secret "
             << council->clientSecret << "  redirect URI " << service.redirectUris.front() << " (any port)\n"
             << "  run by tessera-demo-service at " << settings.demoServiceUrl << " (TESSERA_DEMO_SERVICE_URL)\n";
    }
    Poco::JSON::Object root;
    root.set("url", settings.publicUrl);
    root.set("accounts", accounts);
    root.set("services", demoServices);
    root.set("workstation", workstationEntry(services, text));
    root.set("mailOutbox", settings.smtpUrl.empty() ? settings.outboxDir() : std::string());
    {
        std::ofstream out(path, std::ios::trunc);
        Poco::JSON::Stringifier::stringify(root, out, 2);
        if (!out) return Error::unavailable("demo_write", "Cannot write " + path + ".");
    }
    std::error_code ec;
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
    text << "The same is in " << path << "\n\n";
    return text.str();
}

}  // namespace tessera::web

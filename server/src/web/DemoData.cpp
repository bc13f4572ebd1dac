#include "web/DemoData.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/auth/TotpSecrets.h"
#include "core/terms/TermsService.h"
#include "infra/Encoding.h"
#include "infra/Random.h"
#include "infra/Totp.h"

namespace tessera::web {

namespace {

struct DemoAccount {
    std::string email, password, name, secondFactor;  // "totp" or "email"
    std::string postcode, town, line1, dateOfBirth, sex;
};

// Known demo passwords are fine here: demo mode is for trying Tessera on one machine and
// prints them anyway. They are long enough and not on the common-password list.
const std::vector<DemoAccount>& demoAccounts() {
    static const std::vector<DemoAccount> accounts = {
        {"citizen@demo.tessera.localhost", "demo citizen passphrase", "Morag MacLeod", "totp", "EH1 1YZ", "Edinburgh",
         "1 High Street", "1985-04-12", "female"},
        {"email-citizen@demo.tessera.localhost", "demo email passphrase", "Callum Fraser", "email", "G1 1XQ", "Glasgow",
         "10 George Square", "1990-11-03", "male"},
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

}  // namespace

Result<std::string> seedDemoData(Services& services) {
    const auto& settings = services.settings;
    Poco::JSON::Array accounts;
    std::ostringstream text;
    text << "\nDemo mode. Sign in at " << settings.publicUrl << " as:\n";
    for (const auto& d : demoAccounts()) {
        auto secret = ensureAccount(services, d);
        if (!secret) return secret.error();
        Poco::JSON::Object o;
        o.set("role", "citizen");
        o.set("email", d.email);
        o.set("password", d.password);
        o.set("secondFactor", d.secondFactor);
        if (!secret->empty()) o.set("totpSecret", *secret);
        accounts.add(o);
        text << "  " << d.email << "  password: \"" << d.password << "\"  ";
        if (!secret->empty()) text << "TOTP secret: " << *secret << "  (oathtool --totp -b " << *secret << ")\n";
        else text << "codes by email: see " << settings.outboxDir() << "\n";
    }
    Poco::JSON::Object root;
    root.set("url", settings.publicUrl);
    root.set("accounts", accounts);
    root.set("mailOutbox", settings.smtpUrl.empty() ? settings.outboxDir() : std::string());
    const std::string path = settings.dataDir + "/demo-credentials.json";
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

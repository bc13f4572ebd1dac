#include "support/AccountBuilders.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>
#include <stdexcept>

#include "core/terms/TermsService.h"
#include "support/Paths.h"

using namespace Poco::Data::Keywords;

namespace tessera::test {

AccountTestContext::AccountTestContext(const std::string& backend)
    : database_(std::make_unique<TestDatabase>(backend)), passwords_(cheapPasswordHashing()) {
    settings_.publicUrl = "https://id.example.gov";
    auto common = infra::CommonPasswords::load(resourcesDir() + "/passwords/common-passwords.txt");
    if (!common) throw std::runtime_error("cannot read the common password list: " + common.error().message);
    commonPasswords_ = std::move(*common);
    auto box = infra::SecretBox::create(infra::SecretBox::generateKey());
    if (!box) throw std::runtime_error("cannot create the test data key");
    dataKey_ = std::make_unique<infra::SecretBox>(std::move(*box));
    ctx_ = std::make_unique<core::Context>(settings_, clock_, database_->db(), mailer_, passwords_, commonPasswords_,
                                           *dataKey_);
    if (auto seeded = core::seedTerms(*ctx_); !seeded) throw std::runtime_error("seedTerms: " + seeded.error().message);
}

std::vector<std::string> currentTermsIds(core::Context& ctx, const std::string& language) {
    auto current = core::TermsService(ctx).current(language);
    if (!current) throw std::runtime_error("current terms: " + current.error().message);
    std::vector<std::string> ids;
    for (const auto& d : *current) ids.push_back(d.id);
    return ids;
}

core::RegistrationForm validRegistration(core::Context& ctx, const std::string& email, const std::string& language) {
    core::RegistrationForm form;
    form.name = "Grace Hopper";
    form.email = email;
    form.password = kTestPassword;
    form.language = language;
    form.acceptTerms = currentTermsIds(ctx, language);
    form.consent = true;
    return form;
}

infra::MailMessage lastMailTo(const RecordingMailer& mailer, const std::string& to) {
    const auto sent = mailer.sent();
    for (auto it = sent.rbegin(); it != sent.rend(); ++it)
        if (it->to == to) return *it;
    throw std::runtime_error("no mail was sent to " + to);
}

std::unique_ptr<TestServer> startServer(const std::string& backend,
                                        const std::function<void(infra::Settings&)>& tweak) {
    return std::make_unique<TestServer>(backend, [&](infra::Settings& s) {
        const auto cheap = cheapPasswordHashing();
        s.argon2MemoryKiB = cheap.memoryKiB;
        s.argon2Iterations = cheap.iterations;
        s.argon2Parallelism = cheap.parallelism;
        if (tweak) tweak(s);
    });
}

std::vector<std::string> fetchCurrentTermsIds(ApiClient& client, const std::string& language) {
    auto r = client.get("/api/v1/terms/current?language=" + language);
    if (r.status != 200) throw std::runtime_error("GET /api/v1/terms/current answered " + std::to_string(r.status));
    std::vector<std::string> ids;
    auto documents = r.json()->getArray("documents");
    for (std::size_t i = 0; i < documents->size(); ++i)
        ids.push_back(documents->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
    return ids;
}

Poco::JSON::Object registrationJson(const std::vector<std::string>& termsIds, const std::string& email,
                                    const std::string& password) {
    Poco::JSON::Object o;
    o.set("name", "Grace Hopper");
    o.set("email", email);
    o.set("password", password);
    o.set("language", "en");
    Poco::JSON::Array ids;
    for (const auto& id : termsIds) ids.add(id);
    o.set("acceptTerms", ids);
    o.set("consent", true);
    return o;
}

std::string toJson(const Poco::JSON::Object& object) {
    std::ostringstream os;
    Poco::JSON::Stringifier::condense(object, os);
    return os.str();
}

ApiResponse registerOverHttp(ApiClient& client, const std::string& email, const std::string& password) {
    return client.post("/api/v1/accounts", toJson(registrationJson(fetchCurrentTermsIds(client), email, password)));
}

RegisteredCitizen registerAndVerify(ApiClient& client, TestServer& server, const std::string& email) {
    auto registered = registerOverHttp(client, email);
    if (registered.status != 201) throw std::runtime_error("registration answered " + registered.body);
    const std::string id = registered.json()->getObject("account")->getValue<std::string>("id");
    auto verified = client.post("/api/v1/accounts/me/email/verify", json({{"code", server.lastCodeSentTo(email)}}));
    if (verified.status != 200) throw std::runtime_error("verification answered " + verified.body);
    return {id, email, kTestPassword};
}

namespace {

// Every row as text, in a stable order, so two dumps compare equal exactly when nothing changed.
std::string dump(store::Database& db, const std::string& query) {
    Poco::Data::Session s = db.session();
    Poco::Data::Statement st(s);
    st << query;
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::string out;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) {
        for (std::size_t col = 0; col < rs.columnCount(); ++col)
            out += (rs.isNull(col, row) ? std::string("NULL") : rs.value(col, row).convert<std::string>()) + "|";
        out += "\n";
    }
    return out;
}

}  // namespace

std::int64_t countRows(store::Database& db, const std::string& table, const std::string& where) {
    Poco::Data::Session s = db.session();
    Poco::Int64 n = 0;
    s << "SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE " + where), into(n), now;
    return n;
}

DatabaseSnapshot snapshot(store::Database& db) {
    DatabaseSnapshot snap;
    for (const char* table : {"accounts", "sessions", "one_time_codes", "terms_documents", "terms_acceptances",
                              "recovery_codes", "audit_log"})
        snap.counts[table] = countRows(db, table);
    snap.accounts = dump(db, "SELECT * FROM accounts ORDER BY id");
    // last_seen_at is left out: every accepted request may slide the idle timeout.
    snap.sessions = dump(db,
                         "SELECT id_hash, public_id, account_id, stage, csrf_token, created_at, expires_at, auth_time, "
                         "amr, client_address, user_agent, ended_at FROM sessions ORDER BY public_id");
    snap.acceptances = dump(db, "SELECT * FROM terms_acceptances ORDER BY account_id, terms_id");
    return snap;
}

}  // namespace tessera::test

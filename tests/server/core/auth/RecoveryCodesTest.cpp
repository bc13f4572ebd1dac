#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/auth/RecoveryCodes.h"
#include "support/AuthBuilders.h"

using tessera::core::RecoveryCodes;
using namespace tessera::test;

namespace {

bool consume(tessera::core::Context& ctx, const std::string& accountId, const std::string& code) {
    auto spent = ctx.db.transaction<bool>([&](Poco::Data::Session& s) -> tessera::Result<bool> {
        return RecoveryCodes(ctx).consume(s, accountId, code);
    });
    REQUIRE(spent.ok());
    return *spent;
}

}  // namespace

TEST_CASE("Ten distinct recovery codes of 60 random bits are issued and stored hashed", "[core][auth][recovery]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto account = makeAccount(t.ctx());
            auto codes = giveRecoveryCodes(t.ctx(), account.id);
            REQUIRE(codes.size() == 10);
            const std::regex shape("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}");
            for (const auto& c : codes) CHECK(std::regex_match(c, shape));
            CHECK(std::set<std::string>(codes.begin(), codes.end()).size() == 10);
            CHECK(RecoveryCodes(t.ctx()).remaining(account.id) == 10);

            // Nothing in the table resembles a code.
            Poco::Data::Session s = t.db().session();
            std::vector<std::string> stored;
            s << "SELECT code_hash FROM recovery_codes", Poco::Data::Keywords::into(stored), Poco::Data::Keywords::now;
            REQUIRE(stored.size() == 10);
            for (const auto& h : stored) {
                CHECK(h.size() == 64);
                for (const auto& c : codes) CHECK(h.find(RecoveryCodes::normalise(c)) == std::string::npos);
            }
        }
    }
}

TEST_CASE("A recovery code works once, typed in any case and with or without dashes", "[core][auth][recovery]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto account = makeAccount(t.ctx());
            auto codes = giveRecoveryCodes(t.ctx(), account.id);

            std::string typed = RecoveryCodes::normalise(codes[3]);
            for (auto& ch : typed) ch = char(std::tolower(static_cast<unsigned char>(ch)));
            CHECK(consume(t.ctx(), account.id, " " + typed.substr(0, 6) + " " + typed.substr(6) + " "));
            CHECK_FALSE(consume(t.ctx(), account.id, codes[3]));  // spent
            CHECK(RecoveryCodes(t.ctx()).remaining(account.id) == 9);
            CHECK(consume(t.ctx(), account.id, codes[0]));
            CHECK(RecoveryCodes(t.ctx()).remaining(account.id) == 8);
        }
    }
}

TEST_CASE("Recovery codes are refused for another account, when malformed, and after regeneration",
          "[core][auth][recovery]") {
    AuthTestContext t("sqlite");
    auto ada = makeAccount(t.ctx(), activeWithTotp("ada@example.org"));
    auto bob = makeAccount(t.ctx(), activeWithTotp("bob@example.org"));
    auto adaCodes = giveRecoveryCodes(t.ctx(), ada.id);
    giveRecoveryCodes(t.ctx(), bob.id);

    CHECK_FALSE(consume(t.ctx(), bob.id, adaCodes[0]));
    CHECK_FALSE(consume(t.ctx(), ada.id, ""));
    CHECK_FALSE(consume(t.ctx(), ada.id, "ABCD-EFGH-IJK1"));  // 1 is not base32
    CHECK_FALSE(consume(t.ctx(), ada.id, adaCodes[0] + "A"));

    auto fresh = giveRecoveryCodes(t.ctx(), ada.id);
    CHECK(RecoveryCodes(t.ctx()).remaining(ada.id) == 10);
    for (const auto& old : adaCodes) CHECK_FALSE(consume(t.ctx(), ada.id, old));
    CHECK(consume(t.ctx(), ada.id, fresh[9]));
}

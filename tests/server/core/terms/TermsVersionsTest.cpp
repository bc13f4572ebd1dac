// Administration of terms versions in the core: drafts take the next number and are never in
// force, translations share a version and its effective time, publishing follows the rules on
// effective times, published versions never change, every change is audited, and refused
// changes leave the table as it was.
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "core/terms/TermsService.h"
#include "core/terms/TermsVersions.h"
#include "support/AccountBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::IfMatch;
using core::TermsStatus;
using core::TermsVersions;

namespace {

const core::Actor kAdmin{"admin-account", "192.0.2.7"};
const IfMatch kAny{true, {}};

core::NewTermsDraft draftOf(const std::string& kind, const std::string& language, const std::string& title = "Terms",
                            const std::string& translationOf = "") {
    core::NewTermsDraft d;
    d.kind = kind;
    d.language = language;
    d.text.title = title;
    d.text.body = "We changed how we keep your records.\n\nRead this carefully.";
    d.text.summaryOfChanges = "Records are kept for five years.";
    d.translationOf = translationOf;
    return d;
}

// Every row of terms_documents, for checking that a refused change left the table alone.
std::string termsTable(store::Database& db) {
    Poco::Data::Session s = db.session();
    Poco::Data::Statement st(s);
    st << "SELECT id, kind, language, version, title, body, summary_of_changes, effective_at FROM terms_documents "
          "ORDER BY id";
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::ostringstream out;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) {
        for (std::size_t col = 0; col < rs.columnCount(); ++col) out << rs.value(col, row).convert<std::string>() << '|';
        out << '\n';
    }
    return out.str();
}

std::int64_t audited(store::Database& db, const std::string& event) {
    return countRows(db, "audit_log", "event = '" + event + "' AND actor = 'admin-account'");
}

std::string fieldCode(const Error& e, const std::string& field) {
    for (const auto& f : e.fields)
        if (f.field == field) return f.code;
    return "";
}

std::int64_t inForceVersion(core::Context& ctx, core::TermsKind kind, const std::string& language = "en") {
    auto current = core::TermsService(ctx).current(language);
    REQUIRE(current);
    for (const auto& d : *current)
        if (d.kind == kind) return d.version;
    return 0;
}

}  // namespace

TEST_CASE("A draft takes the next version number and is never in force", "[core][terms][admin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);  // version 1 of everything, seeded
            auto citizen = makeAccount(t.ctx(), activeWithTotp("citizen@example.org"));
            TermsVersions versions(t.ctx());

            auto en = versions.createDraft(draftOf("terms_of_service", "en", "Terms of service"), kAdmin);
            REQUIRE(en);
            CHECK(en->document.version == 2);
            CHECK(en->status == TermsStatus::Draft);
            CHECK(core::isDraft(en->document));
            CHECK(en->etag.size() > 10);
            CHECK(audited(t.db(), "terms.draft_created") == 1);
            // Translations of the next version share its number.
            auto fr = versions.createDraft(draftOf("terms_of_service", "fr", "Conditions"), kAdmin);
            REQUIRE(fr);
            CHECK(fr->document.version == 2);
            // Other kinds count on their own.
            auto privacy = versions.createDraft(draftOf("privacy_policy", "en", "Privacy"), kAdmin);
            REQUIRE(privacy);
            CHECK(privacy->document.version == 2);

            // A draft is not what citizens see, accept or are asked to accept.
            CHECK(inForceVersion(t.ctx(), core::TermsKind::TermsOfService) == 1);
            CHECK(inForceVersion(t.ctx(), core::TermsKind::TermsOfService, "fr") == 1);
            CHECK_FALSE(core::TermsService(t.ctx()).acceptanceRequired(citizen.id));
            t.clock().advance(10LL * 365 * 86400);
            CHECK(inForceVersion(t.ctx(), core::TermsKind::TermsOfService) == 1);
            auto accepted = core::TermsService(t.ctx()).acceptNow(citizen.id, {en->document.id}, "");
            REQUIRE_FALSE(accepted);

            // One draft per version and language.
            const std::string before = termsTable(t.db());
            auto again = versions.createDraft(draftOf("terms_of_service", "en"), kAdmin);
            REQUIRE_FALSE(again);
            CHECK(again.error().code == "draft_exists");
            CHECK(again.error().kind == ErrorKind::Conflict);
            CHECK(termsTable(t.db()) == before);
            CHECK(audited(t.db(), "terms.draft_created") == 3);

            auto read = versions.get(en->document.id);
            REQUIRE(read);
            CHECK(read->document.body == "We changed how we keep your records.\n\nRead this carefully.");
            CHECK(read->etag == en->etag);
            CHECK(versions.get("no-such-id").error().code == "terms_not_found");
        }
    }
}

TEST_CASE("Publishing sets when a version takes effect – citizens are asked to accept it from then",
          "[core][terms][admin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto citizen = makeAccount(t.ctx(), activeWithTotp("citizen@example.org"));
            TermsVersions versions(t.ctx());
            const std::int64_t now = t.clock().now();
            auto en = versions.createDraft(draftOf("terms_of_service", "en"), kAdmin);
            auto fr = versions.createDraft(draftOf("terms_of_service", "fr"), kAdmin);
            REQUIRE(en);
            REQUIRE(fr);

            // Refused times change nothing.
            const std::string before = termsTable(t.db());
            auto missing = versions.publish(en->document.id, std::nullopt, kAny, kAdmin);
            CHECK(fieldCode(missing.error(), "effectiveAt") == "required");
            auto past = versions.publish(en->document.id, now - TermsVersions::kPublishSkewSeconds - 1, kAny, kAdmin);
            CHECK(fieldCode(past.error(), "effectiveAt") == "in_the_past");
            auto far = versions.publish(en->document.id, now + TermsVersions::kMaxScheduleSeconds + 1, kAny, kAdmin);
            CHECK(fieldCode(far.error(), "effectiveAt") == "too_far_ahead");
            auto stale = versions.publish(en->document.id, now + 86400, IfMatch{false, {"\"stale\""}}, kAdmin);
            CHECK(stale.error().code == "precondition_failed");
            CHECK(termsTable(t.db()) == before);
            CHECK(audited(t.db(), "terms.published") == 0);

            // Tomorrow: scheduled until then, and nobody is asked before it takes effect.
            auto published = versions.publish(en->document.id, now + 86400, IfMatch{false, {en->etag}}, kAdmin);
            REQUIRE(published);
            CHECK(published->status == TermsStatus::Scheduled);
            CHECK(published->document.effectiveAt == now + 86400);
            CHECK(published->etag != en->etag);
            CHECK(audited(t.db(), "terms.published") == 1);
            CHECK(inForceVersion(t.ctx(), core::TermsKind::TermsOfService) == 1);
            CHECK_FALSE(core::TermsService(t.ctx()).acceptanceRequired(citizen.id));

            // The French translation takes the version's time; another time is refused.
            auto otherTime = versions.publish(fr->document.id, now + 2 * 86400, kAny, kAdmin);
            CHECK(fieldCode(otherTime.error(), "effectiveAt") == "translation_effective_at");
            auto translation = versions.publish(fr->document.id, std::nullopt, kAny, kAdmin);
            REQUIRE(translation);
            CHECK(translation->document.effectiveAt == now + 86400);

            // Version 3 cannot take effect before version 2.
            auto third = versions.createDraft(draftOf("terms_of_service", "en", "Third"), kAdmin);
            REQUIRE(third);
            CHECK(third->document.version == 3);
            auto early = versions.publish(third->document.id, now + 3600, kAny, kAdmin);
            CHECK(fieldCode(early.error(), "effectiveAt") == "before_previous_version");

            t.clock().advance(86400);
            CHECK(inForceVersion(t.ctx(), core::TermsKind::TermsOfService) == 2);
            CHECK(inForceVersion(t.ctx(), core::TermsKind::TermsOfService, "fr") == 2);
            CHECK(core::TermsService(t.ctx()).acceptanceRequired(citizen.id));
            CHECK(versions.get(en->document.id)->status == TermsStatus::InForce);
            auto list = versions.list("terms_of_service", "en", 10, "");
            REQUIRE(list);
            REQUIRE(list->items.size() == 3);
            CHECK(list->items[0].status == TermsStatus::Draft);       // version 3
            CHECK(list->items[1].status == TermsStatus::InForce);     // version 2
            CHECK(list->items[2].status == TermsStatus::Superseded);  // version 1

            // A time a moment ago (within the skew) counts as now.
            auto justNow = versions.publish(third->document.id, t.clock().now() - 30, kAny, kAdmin);
            REQUIRE(justNow);
            CHECK(justNow->document.effectiveAt == t.clock().now());
            CHECK(justNow->status == TermsStatus::InForce);
        }
    }
}

TEST_CASE("Drafts are edited against their ETag – published versions never change", "[core][terms][admin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            TermsVersions versions(t.ctx());
            auto draft = versions.createDraft(draftOf("data_collection", "gd", "Dàta"), kAdmin);
            REQUIRE(draft);
            const std::string firstTag = draft->etag;

            core::TermsText change;
            change.body = "A clearer text.";
            auto edited = versions.editDraft(draft->document.id, change, IfMatch{false, {firstTag}}, kAdmin);
            REQUIRE(edited);
            CHECK(edited->document.body == "A clearer text.");
            CHECK(edited->document.title == "Dàta");  // untouched
            CHECK(edited->etag != firstTag);
            CHECK(countRows(t.db(), "audit_log", "event = 'terms.draft_updated'") == 1);

            // An edit based on what was read before is refused and changes nothing.
            const std::string before = termsTable(t.db());
            change.body = "Someone else's text.";
            auto stale = versions.editDraft(draft->document.id, change, IfMatch{false, {firstTag}}, kAdmin);
            REQUIRE_FALSE(stale);
            CHECK(stale.error().code == "precondition_failed");
            CHECK(stale.error().kind == ErrorKind::Conflict);
            core::TermsText blank;
            blank.title = " ";
            blank.summaryOfChanges = std::string(core::kMaxTermsSummaryBytes + 1, 'x');
            auto invalid = versions.editDraft(draft->document.id, blank, kAny, kAdmin);
            CHECK(fieldCode(invalid.error(), "title") == "required");
            CHECK(fieldCode(invalid.error(), "summaryOfChanges") == "too_long");
            CHECK(termsTable(t.db()) == before);
            // The same text again changes nothing and is not audited.
            core::TermsText same;
            same.body = "A clearer text.";
            REQUIRE(versions.editDraft(draft->document.id, same, IfMatch{false, {edited->etag}}, kAdmin));
            CHECK(countRows(t.db(), "audit_log", "event = 'terms.draft_updated'") == 1);

            REQUIRE(versions.publish(draft->document.id, t.clock().now() + 60, kAny, kAdmin));
            const std::string published = termsTable(t.db());
            auto late = versions.editDraft(draft->document.id, change, kAny, kAdmin);
            CHECK(late.error().code == "terms_published");
            CHECK(late.error().kind == ErrorKind::Conflict);
            CHECK(versions.publish(draft->document.id, t.clock().now() + 120, kAny, kAdmin).error().code ==
                  "terms_published");
            CHECK(versions.deleteDraft(draft->document.id, std::nullopt, kAdmin).error().code == "terms_published");
            CHECK(termsTable(t.db()) == published);

            // A draft can be deleted (with its ETag, when one is given).
            auto other = versions.createDraft(draftOf("data_collection", "gd", "Dàta 3"), kAdmin);
            REQUIRE(other);
            CHECK(versions.deleteDraft(other->document.id, IfMatch{false, {"\"old\""}}, kAdmin).error().code ==
                  "precondition_failed");
            REQUIRE(versions.deleteDraft(other->document.id, IfMatch{false, {other->etag}}, kAdmin));
            CHECK(versions.get(other->document.id).error().code == "terms_not_found");
            CHECK(versions.deleteDraft(other->document.id, std::nullopt, kAdmin).error().code == "terms_not_found");
            CHECK(countRows(t.db(), "audit_log", "event = 'terms.draft_deleted' AND subject = '" + other->document.id +
                                                     "' AND actor = 'admin-account'") == 1);
        }
    }
}

TEST_CASE("Bad drafts are refused field by field and change nothing", "[core][terms][admin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            TermsVersions versions(t.ctx());
            const std::string before = termsTable(t.db());

            core::NewTermsDraft bad;
            bad.kind = "cookie_policy";
            bad.language = "de";
            bad.text.title = "Line one\nline two";
            bad.text.body = std::string(core::kMaxTermsBodyBytes + 1, 'a');
            bad.text.summaryOfChanges = std::string("\xff\xfe");
            auto refused = versions.createDraft(bad, kAdmin);
            REQUIRE_FALSE(refused);
            CHECK(refused.error().code == "validation_failed");
            CHECK(fieldCode(refused.error(), "kind") == "invalid_choice");
            CHECK(fieldCode(refused.error(), "language") == "not_supported");
            CHECK(fieldCode(refused.error(), "title") == "control_characters");
            CHECK(fieldCode(refused.error(), "body") == "too_long");
            CHECK(fieldCode(refused.error(), "summaryOfChanges") == "not_utf8");

            core::NewTermsDraft empty;
            auto missing = versions.createDraft(empty, kAdmin);
            CHECK(fieldCode(missing.error(), "kind") == "required");
            CHECK(fieldCode(missing.error(), "language") == "required");
            CHECK(fieldCode(missing.error(), "title") == "required");
            CHECK(fieldCode(missing.error(), "body") == "required");

            // translationOf names a published document of the same kind in another language.
            auto current = core::TermsService(t.ctx()).current("en");
            REQUIRE(current);
            const std::string englishTerms = current->front().id;  // terms_of_service v1, en
            CHECK(fieldCode(versions.createDraft(draftOf("terms_of_service", "fr", "T", "nope"), kAdmin).error(),
                            "translationOf") == "unknown_terms");
            CHECK(fieldCode(versions.createDraft(draftOf("privacy_policy", "fr", "T", englishTerms), kAdmin).error(),
                            "translationOf") == "kind_mismatch");
            CHECK(fieldCode(versions.createDraft(draftOf("terms_of_service", "en", "T", englishTerms), kAdmin).error(),
                            "translationOf") == "same_language");
            // Version 1 exists in French already.
            CHECK(versions.createDraft(draftOf("terms_of_service", "fr", "T", englishTerms), kAdmin).error().code ==
                  "draft_exists");
            CHECK(termsTable(t.db()) == before);
            CHECK(countRows(t.db(), "audit_log", "event LIKE 'terms.draft%'") == 0);

            // A draft of another version is not a translation source.
            auto draft = versions.createDraft(draftOf("terms_of_service", "en"), kAdmin);
            REQUIRE(draft);
            CHECK(fieldCode(versions.createDraft(draftOf("terms_of_service", "fr", "T", draft->document.id), kAdmin)
                                .error(),
                            "translationOf") == "not_published");
        }
    }
}

TEST_CASE("A translation of a published version takes its number and effective time", "[core][terms][admin]") {
    AccountTestContext t("sqlite");
    TermsVersions versions(t.ctx());
    auto en = versions.createDraft(draftOf("privacy_policy", "en"), kAdmin);
    REQUIRE(en);
    REQUIRE(versions.publish(en->document.id, t.clock().now() + 600, kAny, kAdmin));
    // A French draft written now is for the next version, unless it translates version 2.
    auto next = versions.createDraft(draftOf("privacy_policy", "fr"), kAdmin);
    REQUIRE(next);
    CHECK(next->document.version == 3);
    auto translation = versions.createDraft(draftOf("privacy_policy", "gd", "Poileasaidh", en->document.id), kAdmin);
    REQUIRE(translation);
    CHECK(translation->document.version == 2);
    t.clock().advance(3600);  // version 2 is in force: its translation may still follow
    auto published = versions.publish(translation->document.id, std::nullopt, kAny, kAdmin);
    REQUIRE(published);
    CHECK(published->document.effectiveAt == en->document.createdAt + 600);
    CHECK(published->status == TermsStatus::InForce);
    CHECK(inForceVersion(t.ctx(), core::TermsKind::PrivacyPolicy, "gd") == 2);
}

TEST_CASE("The list pages from the highest version, filtered by kind and language", "[core][terms][admin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            TermsVersions versions(t.ctx());
            REQUIRE(versions.createDraft(draftOf("terms_of_service", "en"), kAdmin));
            REQUIRE(versions.createDraft(draftOf("terms_of_service", "fr"), kAdmin));

            auto all = versions.list("", "", 200, "");
            REQUIRE(all);
            REQUIRE(all->items.size() == 11);  // 9 seeded and 2 drafts
            CHECK(all->items[0].document.version == 2);
            CHECK(all->items[0].document.language == "en");
            CHECK(all->items[1].document.language == "fr");
            CHECK(all->next.empty());

            // Pages of 4 meet every document once.
            std::set<std::string> seen;
            std::string after;
            int pages = 0;
            do {
                auto page = versions.list("", "", 4, after);
                REQUIRE(page);
                for (const auto& v : page->items) CHECK(seen.insert(v.document.id).second);
                after = page->next;
                ++pages;
            } while (!after.empty());
            CHECK(pages == 3);
            CHECK(seen.size() == 11);

            auto french = versions.list("", "fr", 50, "");
            REQUIRE(french);
            CHECK(french->items.size() == 4);
            auto privacy = versions.list("privacy_policy", "", 50, "");
            REQUIRE(privacy);
            CHECK(privacy->items.size() == 3);

            auto bad = versions.list("cookies", "xx", 0, "garbage!");
            REQUIRE_FALSE(bad);
            CHECK(fieldCode(bad.error(), "kind") == "invalid_choice");
            CHECK(fieldCode(bad.error(), "language") == "not_supported");
            CHECK(fieldCode(bad.error(), "limit") == "out_of_range");
            CHECK(fieldCode(bad.error(), "after") == "bad_cursor");
        }
    }
}

// Verification applications at rest, on both backends: personal fields sealed and bound to
// their row, optimistic versions, one media row per slot, and a per-application history.
#include <catch2/catch.hpp>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "core/verification/ApplicationStore.h"
#include "infra/Random.h"
#include "support/AuthBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::ApplicationStore;
using core::CaseEvent;
using core::IdentityDocument;
using core::MediaItem;
using core::MediaSlot;
using core::VerificationApplication;

namespace {

VerificationApplication draftFor(const std::string& accountId, std::int64_t now) {
    VerificationApplication a;
    a.id = infra::random::id();
    a.accountId = accountId;
    a.bundle = core::EvidenceBundle::DocumentVideo;
    a.targetLoa = 3;
    a.state = ApplicationState::Draft;
    a.createdAt = a.updatedAt = now;
    return a;
}

std::string rawColumn(store::Database& db, const std::string& sql, const std::string& id) {
    Poco::Data::Session s = db.session();
    std::string v = id;
    Poco::Data::Statement st(s);
    st << db.sql(sql), Poco::Data::Keywords::use(v);
    st.execute();
    Poco::Data::RecordSet rs(st);
    return rs.rowCount() ? rs.value(0, 0).convert<std::string>() : std::string();
}

template <class F>
void inTransaction(store::Database& db, F&& fn) {
    auto r = db.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
        Status st = fn(s);
        if (!st) return st.error();
        return true;
    });
    REQUIRE(r.ok());
}

}  // namespace

TEST_CASE("An application is stored with its personal fields sealed and read back whole", "[verification][store]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext auth(backend);
            auto account = makeAccount(auth.ctx());
            ApplicationStore store(auth.db(), auth.ctx().dataKey);
            auto a = draftFor(account.id, auth.clock().now());
            a.claims = R"({"givenNames":"Morag","familyName":"MacLeod"})";
            a.decisionMessage = "Your photo was blurred.";
            inTransaction(auth.db(), [&](Poco::Data::Session& s) { return store.insert(s, a); });

            auto found = store.find(a.id);
            REQUIRE(found);
            CHECK(found->accountId == account.id);
            CHECK(found->bundle == core::EvidenceBundle::DocumentVideo);
            CHECK(found->targetLoa == 3);
            CHECK(found->state == ApplicationState::Draft);
            CHECK(found->claims == a.claims);
            CHECK(found->decisionMessage == a.decisionMessage);
            CHECK(found->version == 1);

            // Nothing personal in clear in the table.
            const std::string claims =
                rawColumn(auth.db(), "SELECT claims FROM verification_applications WHERE id = ?", a.id);
            CHECK_FALSE(claims.empty());
            CHECK(claims.find("Morag") == std::string::npos);
            const std::string message =
                rawColumn(auth.db(), "SELECT decision_message FROM verification_applications WHERE id = ?", a.id);
            CHECK(message.find("blurred") == std::string::npos);

            CHECK_FALSE(store.find("no-such-application").has_value());
        }
    }
}

TEST_CASE("A sealed field copied to another application no longer opens", "[verification][store]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext auth(backend);
            auto account = makeAccount(auth.ctx());
            ApplicationStore store(auth.db(), auth.ctx().dataKey);
            auto first = draftFor(account.id, auth.clock().now());
            first.claims = R"({"familyName":"MacLeod"})";
            first.state = ApplicationState::Withdrawn;
            auto second = draftFor(account.id, auth.clock().now());
            inTransaction(auth.db(), [&](Poco::Data::Session& s) {
                if (Status r = store.insert(s, first); !r) return r;
                return store.insert(s, second);
            });
            std::string sealed =
                rawColumn(auth.db(), "SELECT claims FROM verification_applications WHERE id = ?", first.id);
            {
                Poco::Data::Session s = auth.db().session();
                std::string id = second.id;
                s << auth.db().sql("UPDATE verification_applications SET claims = ? WHERE id = ?"),
                    Poco::Data::Keywords::use(sealed), Poco::Data::Keywords::use(id), Poco::Data::Keywords::now;
            }
            auto found = store.find(second.id);
            REQUIRE(found);
            CHECK(found->claims.empty());
            CHECK(store.find(first.id)->claims == first.claims);
        }
    }
}

TEST_CASE("An update applies only to the version it read", "[verification][store]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext auth(backend);
            auto account = makeAccount(auth.ctx());
            ApplicationStore store(auth.db(), auth.ctx().dataKey);
            auto a = draftFor(account.id, auth.clock().now());
            inTransaction(auth.db(), [&](Poco::Data::Session& s) { return store.insert(s, a); });

            auto mine = *store.find(a.id);
            auto theirs = *store.find(a.id);
            mine.state = ApplicationState::Submitted;
            mine.submittedAt = mine.updatedAt = auth.clock().now() + 5;
            mine.claims = R"({"familyName":"Campbell"})";
            inTransaction(auth.db(), [&](Poco::Data::Session& s) { return store.update(s, mine); });
            CHECK(mine.version == 2);

            theirs.state = ApplicationState::Withdrawn;
            auto late = auth.db().transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
                Status st = store.update(s, theirs);
                if (!st) return st.error();
                return true;
            });
            REQUIRE_FALSE(late.ok());
            CHECK(late.error().kind == ErrorKind::Conflict);
            CHECK(late.error().code == "application_changed");

            auto stored = *store.find(a.id);
            CHECK(stored.state == ApplicationState::Submitted);
            CHECK(stored.submittedAt == auth.clock().now() + 5);
            CHECK(stored.claims == mine.claims);
            CHECK(stored.version == 2);
        }
    }
}

TEST_CASE("The open application and the newest application of an account", "[verification][store]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext auth(backend);
            auto account = makeAccount(auth.ctx());
            ApplicationStore store(auth.db(), auth.ctx().dataKey);
            CHECK_FALSE(store.latestFor(account.id).has_value());

            auto old = draftFor(account.id, auth.clock().now());
            old.state = ApplicationState::Rejected;
            auth.clock().advance(60);
            auto current = draftFor(account.id, auth.clock().now());
            current.state = ApplicationState::Flagged;
            inTransaction(auth.db(), [&](Poco::Data::Session& s) {
                if (Status r = store.insert(s, old); !r) return r;
                return store.insert(s, current);
            });
            CHECK(store.latestFor(account.id)->id == current.id);
            Poco::Data::Session s = auth.db().session();
            REQUIRE(store.openFor(s, account.id));
            CHECK(store.openFor(s, account.id)->id == current.id);

            current = *store.find(current.id);
            current.state = ApplicationState::Rejected;
            inTransaction(auth.db(), [&](Poco::Data::Session& t) { return store.update(t, current); });
            CHECK_FALSE(store.openFor(s, account.id).has_value());
            CHECK(store.latestFor(account.id)->id == current.id);
        }
    }
}

TEST_CASE("The document is sealed and replaced as a whole", "[verification][store]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext auth(backend);
            auto account = makeAccount(auth.ctx());
            ApplicationStore store(auth.db(), auth.ctx().dataKey);
            auto a = draftFor(account.id, auth.clock().now());
            IdentityDocument d;
            d.applicationId = a.id;
            d.documentType = "passport";
            d.number = "L898902C3";
            d.issuingCountry = "GBR";
            d.givenNames = "Morag Ann";
            d.familyName = "MacLeod";
            d.dateOfBirth = "1984-06-02";
            d.expiryDate = "2031-01-01";
            d.registerResult = R"({"status":"valid","fields":[]})";
            d.updatedAt = auth.clock().now();
            inTransaction(auth.db(), [&](Poco::Data::Session& s) {
                if (Status r = store.insert(s, a); !r) return r;
                return store.putDocument(s, d);
            });
            auto found = store.document(a.id);
            REQUIRE(found);
            CHECK(found->documentType == "passport");
            CHECK(found->number == "L898902C3");
            CHECK(found->issuingCountry == "GBR");
            CHECK(found->givenNames == "Morag Ann");
            CHECK(found->familyName == "MacLeod");
            CHECK(found->dateOfBirth == "1984-06-02");
            CHECK(found->expiryDate == "2031-01-01");
            CHECK(found->registerResult == d.registerResult);
            const std::string details =
                rawColumn(auth.db(), "SELECT details FROM verification_documents WHERE application_id = ?", a.id);
            CHECK(details.find("L898902C3") == std::string::npos);
            CHECK(details.find("MacLeod") == std::string::npos);

            d.documentType = "driving_licence";
            d.number = "MACLE806024MA9AB";
            d.registerResult.clear();
            inTransaction(auth.db(), [&](Poco::Data::Session& s) { return store.putDocument(s, d); });
            found = store.document(a.id);
            REQUIRE(found);
            CHECK(found->documentType == "driving_licence");
            CHECK(found->number == "MACLE806024MA9AB");
            CHECK(found->registerResult.empty());
            CHECK_FALSE(store.document("other").has_value());
        }
    }
}

TEST_CASE("A new upload to a slot replaces the old row and hands it back", "[verification][store]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext auth(backend);
            auto account = makeAccount(auth.ctx());
            ApplicationStore store(auth.db(), auth.ctx().dataKey);
            auto a = draftFor(account.id, auth.clock().now());
            inTransaction(auth.db(), [&](Poco::Data::Session& s) { return store.insert(s, a); });

            auto item = [&](MediaSlot slot, const std::string& blob) {
                MediaItem m;
                m.id = infra::random::id();
                m.applicationId = a.id;
                m.slot = slot;
                m.contentType = slot == MediaSlot::SelfieVideo ? "video/webm" : "image/jpeg";
                m.byteSize = 1234;
                m.width = 640;
                m.height = 480;
                m.durationMs = slot == MediaSlot::SelfieVideo ? 4000 : 0;
                m.sha256 = std::string(64, 'a');
                m.blobId = blob;
                m.uploadedBy = account.id;
                m.uploadedAt = auth.clock().now();
                return m;
            };
            auto front = item(MediaSlot::DocumentFront, "b1");
            auto video = item(MediaSlot::SelfieVideo, "b2");
            std::optional<MediaItem> replaced;
            inTransaction(auth.db(), [&](Poco::Data::Session& s) -> Status {
                auto r1 = store.putMedia(s, front);
                if (!r1) return r1.error();
                CHECK_FALSE(r1->has_value());
                auto r2 = store.putMedia(s, video);
                if (!r2) return r2.error();
                CHECK_FALSE(r2->has_value());
                return {};
            });
            CHECK(store.media(a.id).size() == 2);

            auto newFront = item(MediaSlot::DocumentFront, "b3");
            inTransaction(auth.db(), [&](Poco::Data::Session& s) -> Status {
                auto r = store.putMedia(s, newFront);
                if (!r) return r.error();
                replaced = *r;
                return {};
            });
            REQUIRE(replaced);
            CHECK(replaced->id == front.id);
            CHECK(replaced->blobId == "b1");
            auto all = store.media(a.id);
            REQUIRE(all.size() == 2);
            CHECK_FALSE(store.mediaItem(a.id, front.id).has_value());
            auto got = store.mediaItem(a.id, newFront.id);
            REQUIRE(got);
            CHECK(got->blobId == "b3");
            CHECK(got->slot == MediaSlot::DocumentFront);
            auto gotVideo = store.mediaItem(a.id, video.id);
            REQUIRE(gotVideo);
            CHECK(gotVideo->contentType == "video/webm");
            CHECK(gotVideo->durationMs == 4000);
            CHECK(gotVideo->width == 640);
            CHECK_FALSE(store.mediaItem("another-application", video.id).has_value());

            inTransaction(auth.db(), [&](Poco::Data::Session& s) { return store.deleteMedia(s, a.id); });
            CHECK(store.media(a.id).empty());
        }
    }
}

TEST_CASE("History events are numbered per application and notes are sealed", "[verification][store]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext auth(backend);
            auto account = makeAccount(auth.ctx());
            ApplicationStore store(auth.db(), auth.ctx().dataKey);
            auto a = draftFor(account.id, auth.clock().now());
            auto b = draftFor(account.id, auth.clock().now());
            b.state = ApplicationState::Withdrawn;
            inTransaction(auth.db(), [&](Poco::Data::Session& s) {
                if (Status r = store.insert(s, a); !r) return r;
                return store.insert(s, b);
            });
            auto event = [&](const std::string& app, const std::string& name, const std::string& note = "") {
                CaseEvent e;
                e.applicationId = app;
                e.at = auth.clock().now();
                e.actor = account.id;
                e.event = name;
                e.fromState = "draft";
                e.toState = "submitted";
                e.note = note;
                inTransaction(auth.db(), [&](Poco::Data::Session& s) { return store.appendEvent(s, e); });
                return e;
            };
            CHECK(event(a.id, "created").seq == 1);
            CHECK(event(b.id, "created").seq == 1);
            auto noted = event(a.id, "note", "Checked the hologram by hand.");
            CHECK(noted.seq == 2);
            CHECK_FALSE(noted.id.empty());
            CHECK(event(a.id, "submitted").seq == 3);

            auto history = store.events(a.id);
            REQUIRE(history.size() == 3);
            CHECK(history[0].event == "created");
            CHECK(history[1].note == "Checked the hologram by hand.");
            CHECK(history[2].seq == 3);
            CHECK(history[2].fromState == "draft");
            CHECK(history[2].toState == "submitted");
            const std::string raw = rawColumn(auth.db(), "SELECT note FROM verification_events WHERE id = ?", noted.id);
            CHECK(raw.find("hologram") == std::string::npos);
        }
    }
}

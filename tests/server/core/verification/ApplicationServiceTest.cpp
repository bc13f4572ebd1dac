// The citizen's application, on both backends: start (LoA 1 needed, one at a time), the
// document (validated, checked against the document register), uploads (sanitised, encrypted,
// replaced atomically, safe to retry, bad media leaves nothing), submit (complete or told
// what is missing), withdraw, status, and the decision email.
#include <catch2/catch.hpp>

#include "core/verification/ApplicationService.h"
#include "core/verification/VerificationMail.h"
#include "infra/Digest.h"
#include "support/AccountBuilders.h"
#include "support/MediaSamples.h"
#include "support/VerificationBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::ApplicationService;
using core::EvidenceBundle;
using core::MediaSlot;

namespace {

core::Actor actorFor(const TestAccount& a) { return {a.id, "192.0.2.10"}; }

struct Journey {
    explicit Journey(const std::string& backend)
        : v(backend), citizen(makeCitizenAtLoa1(v, moragCampbell(), "morag@example.org")),
          service(v.ctx(), v.registers(), v.blobs(), v.policy()) {}
    VerificationTestContext v;
    TestAccount citizen;
    ApplicationService service;
    core::Actor me() const { return actorFor(citizen); }
};

std::string codeOf(const Error& e, const std::string& field) {
    for (const auto& f : e.fields)
        if (f.field == field) return f.code;
    return "";
}

}  // namespace

TEST_CASE("An application needs LoA 1, and only one is open at a time", "[verification][application]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Journey j(backend);
            auto newcomer = makeCitizen(j.v.ctx(), williamFraser(), "william@example.org");
            auto refused = j.service.start(actorFor(newcomer), EvidenceBundle::DocumentVideo);
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().kind == ErrorKind::Forbidden);
            CHECK(refused.error().code == "loa1_required");
            CHECK_FALSE(j.service.current(newcomer.id).has_value());

            auto bad = j.service.start(j.me(), EvidenceBundle::DuplicatePerson);
            REQUIRE_FALSE(bad.ok());
            CHECK(bad.error().kind == ErrorKind::Invalid);

            auto started = j.service.start(j.me(), EvidenceBundle::DocumentVideo);
            REQUIRE(started.ok());
            CHECK(started->state == ApplicationState::Draft);
            CHECK(started->targetLoa == 3);
            auto twice = j.service.start(j.me(), EvidenceBundle::DocumentPhoto);
            REQUIRE_FALSE(twice.ok());
            CHECK(twice.error().code == "application_open");
            CHECK(j.service.current(j.citizen.id)->id == started->id);
            auto history = j.service.store().events(started->id);
            REQUIRE(history.size() == 1);
            CHECK(history[0].event == "created");
        }
    }
}

TEST_CASE("The document is validated, checked against its register, and only changed in a draft",
          "[verification][application][document]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Journey j(backend);
            auto none = j.service.setDocument(j.me(), passportEntry(moragCampbell()));
            REQUIRE_FALSE(none.ok());
            CHECK(none.error().code == "application_not_found");
            REQUIRE(j.service.start(j.me(), EvidenceBundle::DocumentVideo).ok());

            auto badEntry = passportEntry(moragCampbell());
            badEntry.expiryDate = "2020-01-01";
            auto bad = j.service.setDocument(j.me(), badEntry);
            REQUIRE_FALSE(bad.ok());
            CHECK(codeOf(bad.error(), "expiryDate") == "expired");
            CHECK_FALSE(j.service.store().document(j.service.current(j.citizen.id)->id).has_value());

            auto stolen = passportEntry(moragCampbell());
            stolen.number = kStolenPassportNumber;
            stolen.checkDigit.clear();
            stolen.expiryDate = "2030-01-01";
            auto refused = j.service.setDocument(j.me(), stolen);
            REQUIRE_FALSE(refused.ok());
            CHECK(codeOf(refused.error(), "documentNumber") == "document_not_valid");
            CHECK(refused.error().fields.at(0).message.find("another document") != std::string::npos);
            CHECK_FALSE(j.service.store().document(j.service.current(j.citizen.id)->id).has_value());

            auto saved = j.service.setDocument(j.me(), drivingLicenceEntry(moragCampbell()));
            REQUIRE(saved.ok());
            auto stored = j.service.store().document(saved->applicationId);
            REQUIRE(stored);
            CHECK(stored->documentType == "driving_licence");
            CHECK(stored->number == moragCampbell().drivingLicenceNumber);
            CHECK(stored->registerResult.find("\"status\":\"valid\"") != std::string::npos);
            CHECK(stored->registerResult.find("Campbell") == std::string::npos);

            // An unavailable register is recorded, and does not stop the citizen.
            j.v.documents().setDown(true);
            auto unchecked = j.service.setDocument(j.me(), passportEntry(moragCampbell()));
            REQUIRE(unchecked.ok());
            CHECK(j.service.store().document(saved->applicationId)->registerResult ==
                  R"({"status":"unavailable"})");
        }
    }
}

TEST_CASE("An upload is sanitised, encrypted, and replaces its slot – a retry is harmless",
          "[verification][application][media]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Journey j(backend);
            auto app = j.service.start(j.me(), EvidenceBundle::DocumentVideo);
            REQUIRE(app.ok());
            const std::string photo = media::withExifAndGps(media::jpegPhoto(800, 600));
            auto first = j.service.putMedia(j.me(), MediaSlot::DocumentFront, photo, "image/png", j.citizen.id);
            REQUIRE(first.ok());
            CHECK(first->contentType == "image/jpeg");
            CHECK(first->width == 800);
            CHECK(first->height == 600);
            CHECK(j.v.blobFileCount() == 1);
            auto stored = j.v.blobs().read(first->blobId, first->id);
            REQUIRE(stored.ok());
            CHECK(stored->find(std::string(media::kCameraMake)) == std::string::npos);
            CHECK(infra::digest::sha256Hex(*stored) == first->sha256);

            // The same bytes again: the slot holds one item, identical content, one blob.
            auto retry = j.service.putMedia(j.me(), MediaSlot::DocumentFront, photo, "image/jpeg", j.citizen.id);
            REQUIRE(retry.ok());
            CHECK(retry->sha256 == first->sha256);
            CHECK(retry->id != first->id);
            auto items = j.service.store().media(app->id);
            REQUIRE(items.size() == 1);
            CHECK(items[0].id == retry->id);
            CHECK(j.v.blobFileCount() == 1);
            CHECK_FALSE(j.v.blobs().read(first->blobId, first->id).ok());

            auto video = j.service.putMedia(j.me(), MediaSlot::SelfieVideo, sampleVideo(), "video/webm", j.citizen.id);
            REQUIRE(video.ok());
            CHECK(video->contentType == "video/webm");
            CHECK(video->durationMs == 5000);
            CHECK(j.v.blobFileCount() == 2);
        }
    }
}

TEST_CASE("Bad media is refused with a clear error and leaves no blob and no row",
          "[verification][application][media]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Journey j(backend);
            auto app = j.service.start(j.me(), EvidenceBundle::DocumentVideo);
            REQUIRE(app.ok());
            const std::string jpeg = media::jpegPhoto(640, 480);
            struct Case {
                const char* what;
                MediaSlot slot;
                std::string bytes;
                ErrorKind kind;
            };
            std::vector<Case> cases{
                {"truncated JPEG", MediaSlot::DocumentFront, jpeg.substr(0, jpeg.size() / 2), ErrorKind::Invalid},
                {"PNG as a video", MediaSlot::SelfieVideo, media::pngPhoto(400, 400), ErrorKind::UnsupportedMediaType},
                {"zip bomb", MediaSlot::DocumentBack, media::zipBomb(), ErrorKind::UnsupportedMediaType},
                {"video with a zip appended", MediaSlot::SelfieVideo, sampleVideo() + media::zipArchive(),
                 ErrorKind::Invalid},
                {"too small a photo", MediaSlot::DocumentFront, media::jpegPhoto(100, 100), ErrorKind::Invalid},
            };
            for (const auto& c : cases) {
                INFO(c.what);
                auto r = j.service.putMedia(j.me(), c.slot, c.bytes, "image/jpeg", j.citizen.id);
                REQUIRE_FALSE(r.ok());
                CHECK(r.error().kind == c.kind);
                CHECK_FALSE(r.error().message.empty());
            }
            // Bigger than the limit: refused before anything is read.
            j.v.settings().photoMaxBytes = 1000;
            auto big = j.service.putMedia(j.me(), MediaSlot::DocumentFront, jpeg, "image/jpeg", j.citizen.id);
            REQUIRE_FALSE(big.ok());
            CHECK(big.error().kind == ErrorKind::TooLarge);

            CHECK(j.service.store().media(app->id).empty());
            CHECK(j.v.blobFileCount() == 0);
        }
    }
}

TEST_CASE("A failed database write removes the blob it had written", "[verification][application][media]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Journey j(backend);
            auto app = j.service.start(j.me(), EvidenceBundle::DocumentPhoto);
            REQUIRE(app.ok());
            REQUIRE(j.service.putMedia(j.me(), MediaSlot::DocumentFront, samplePhoto(), "", j.citizen.id).ok());
            const auto before = j.service.store().media(app->id);
            {
                // The database refuses every new media row from now on.
                Poco::Data::Session s = j.v.db().session();
                if (j.v.db().backend() == store::Backend::SQLite) {
                    s << "CREATE TRIGGER refuse_media BEFORE INSERT ON verification_media "
                         "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                        Poco::Data::Keywords::now;
                } else {
                    s << "CREATE FUNCTION refuse_media() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION "
                         "'refused by the test'; END $$ LANGUAGE plpgsql",
                        Poco::Data::Keywords::now;
                    s << "CREATE TRIGGER refuse_media BEFORE INSERT ON verification_media FOR EACH ROW "
                         "EXECUTE FUNCTION refuse_media()",
                        Poco::Data::Keywords::now;
                }
            }
            auto r = j.service.putMedia(j.me(), MediaSlot::DocumentFront, media::jpegPhoto(700, 500), "",
                                        j.citizen.id);
            REQUIRE_FALSE(r.ok());
            // The old upload is untouched, and the new blob is gone.
            auto after = j.service.store().media(app->id);
            REQUIRE(after.size() == 1);
            CHECK(after[0].id == before[0].id);
            CHECK(j.v.blobFileCount() == 1);
            CHECK(j.v.blobs().read(after[0].blobId, after[0].id).ok());
        }
    }
}

TEST_CASE("A photo application has no video slot", "[verification][application][media]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Journey j(backend);
            REQUIRE(j.service.start(j.me(), EvidenceBundle::DocumentPhoto).ok());
            auto r = j.service.putMedia(j.me(), MediaSlot::SelfieVideo, sampleVideo(), "video/webm", j.citizen.id);
            REQUIRE_FALSE(r.ok());
            CHECK(codeOf(r.error(), "slot") == "slot_not_needed");
            CHECK(j.v.blobFileCount() == 0);
        }
    }
}

TEST_CASE("Submit needs the document and every upload, then seals the claims", "[verification][application]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Journey j(backend);
            auto app = j.service.start(j.me(), EvidenceBundle::DocumentVideo);
            REQUIRE(app.ok());
            auto empty = j.service.submit(j.me());
            REQUIRE_FALSE(empty.ok());
            CHECK(empty.error().code == "application_incomplete");
            CHECK(codeOf(empty.error(), "document") == "required");
            CHECK(codeOf(empty.error(), "document_front") == "required");
            CHECK(codeOf(empty.error(), "document_back") == "required");
            CHECK(codeOf(empty.error(), "selfie_video") == "required");

            REQUIRE(j.service.setDocument(j.me(), passportEntry(moragCampbell())).ok());
            REQUIRE(j.service.putMedia(j.me(), MediaSlot::DocumentFront, samplePhoto(), "", j.citizen.id).ok());
            REQUIRE(j.service.putMedia(j.me(), MediaSlot::DocumentBack, samplePhoto(), "", j.citizen.id).ok());
            auto missingVideo = j.service.submit(j.me());
            REQUIRE_FALSE(missingVideo.ok());
            REQUIRE(missingVideo.error().fields.size() == 1);
            CHECK(missingVideo.error().fields[0].field == "selfie_video");
            auto status = j.service.status(j.citizen.id);
            REQUIRE(status.ok());
            CHECK(status->missingSlots == std::vector<MediaSlot>{MediaSlot::SelfieVideo});

            REQUIRE(j.service.putMedia(j.me(), MediaSlot::SelfieVideo, sampleVideo(), "", j.citizen.id).ok());
            j.v.clock().advance(30);
            auto submitted = j.service.submit(j.me());
            REQUIRE(submitted.ok());
            CHECK(submitted->state == ApplicationState::Submitted);
            CHECK(submitted->submittedAt == j.v.clock().now());
            auto stored = j.service.store().find(app->id);
            REQUIRE(stored);
            CHECK(stored->claims.find("Morag Elspeth") != std::string::npos);
            CHECK(stored->claims.find("EH2 2PR") != std::string::npos);
            CHECK(stored->claims.find("1984-06-12") != std::string::npos);

            // No more changes once submitted.
            auto late = j.service.putMedia(j.me(), MediaSlot::DocumentFront, samplePhoto(), "", j.citizen.id);
            REQUIRE_FALSE(late.ok());
            CHECK(late.error().code == "application_not_draft");
            auto history = j.service.store().events(app->id);
            REQUIRE(history.size() == 2);
            CHECK(history[1].event == "submitted");
            CHECK(history[1].fromState == "draft");
            CHECK(history[1].toState == "submitted");
        }
    }
}

TEST_CASE("A document that expired while in draft blocks the submission", "[verification][application]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Journey j(backend);
            REQUIRE(j.service.start(j.me(), EvidenceBundle::DocumentPhoto).ok());
            auto entry = passportEntry(moragCampbell());
            entry.expiryDate = "2027-01-20";
            REQUIRE(j.service.setDocument(j.me(), entry).ok());
            REQUIRE(j.service.putMedia(j.me(), MediaSlot::DocumentFront, samplePhoto(), "", j.citizen.id).ok());
            REQUIRE(j.service.putMedia(j.me(), MediaSlot::DocumentBack, samplePhoto(), "", j.citizen.id).ok());
            j.v.clock().advance(10 * 24 * 60 * 60);
            auto r = j.service.submit(j.me());
            REQUIRE_FALSE(r.ok());
            CHECK(codeOf(r.error(), "expiryDate") == "expired");
            CHECK(j.service.status(j.citizen.id)->documentExpired);
        }
    }
}

TEST_CASE("A citizen withdraws a draft or a submitted application, not one under review",
          "[verification][application]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Journey j(backend);
            auto none = j.service.withdraw(j.me());
            REQUIRE_FALSE(none.ok());
            CHECK(none.error().code == "application_not_found");
            REQUIRE(j.service.start(j.me(), EvidenceBundle::DocumentVideo).ok());
            auto withdrawn = j.service.withdraw(j.me());
            REQUIRE(withdrawn.ok());
            CHECK(withdrawn->state == ApplicationState::Withdrawn);
            CHECK(withdrawn->decidedAt == j.v.clock().now());
            CHECK(j.service.status(j.citizen.id)->application.state == ApplicationState::Withdrawn);

            auto submitted = makeApplication(j.v, j.citizen.id, {});
            CHECK(j.service.withdraw(j.me())->id == submitted.id);

            ApplicationSpec inReview;
            inReview.state = ApplicationState::InReview;
            j.v.clock().advance(60);
            auto held = makeApplication(j.v, j.citizen.id, inReview);
            auto refused = j.service.withdraw(j.me());
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().kind == ErrorKind::Conflict);
            CHECK(j.service.store().find(held.id)->state == ApplicationState::InReview);
        }
    }
}

TEST_CASE("The status shows a rejection's reason and message, and the citizen is emailed",
          "[verification][application][mail]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Journey j(backend);
            ApplicationSpec rejected;
            rejected.state = ApplicationState::Rejected;
            auto app = makeApplication(j.v, j.citizen.id, rejected);
            auto status = j.service.status(j.citizen.id);
            REQUIRE(status.ok());
            CHECK(status->application.state == ApplicationState::Rejected);
            CHECK(status->application.decisionReason == "document_unreadable");
            CHECK_FALSE(status->reasonText.empty());
            CHECK(status->application.decisionMessage.find("blurred") != std::string::npos);

            REQUIRE(core::notifyDecision(j.v.ctx(), app).ok());
            auto mail = lastMailTo(j.v.mailer(), "morag@example.org");
            CHECK(mail.subject.find("could not verify") != std::string::npos);
            CHECK(mail.textBody.find("blurred") != std::string::npos);
            CHECK(mail.textBody.find(status->reasonText) != std::string::npos);

            app.state = ApplicationState::Approved;
            REQUIRE(core::notifyDecision(j.v.ctx(), app).ok());
            mail = lastMailTo(j.v.mailer(), "morag@example.org");
            CHECK(mail.subject.find("verified") != std::string::npos);
            CHECK(mail.textBody.find("level of assurance 3") != std::string::npos);

            const auto before = j.v.mailer().sent().size();
            app.state = ApplicationState::Flagged;
            REQUIRE(core::notifyDecision(j.v.ctx(), app).ok());
            CHECK(j.v.mailer().sent().size() == before);
        }
    }
}

// The application pages over HTTP, as a browser without JavaScript uses them: what is needed and
// "Start", the document's details with the core's immediate checks, the photos and the video
// as multipart uploads (a refused file stores nothing), check and send, the confirmation, the
// status on /account/verify and the dashboard, and withdrawing.
#include <catch2/catch.hpp>

#include "core/verification/ApplicationStore.h"
#include "core/verification/VerificationParts.h"
#include "server/web/portal/VerifyPortalFixture.h"
#include "support/AccountBuilders.h"
#include "support/MediaSamples.h"
#include "support/TestDatabase.h"

using namespace tessera;
using namespace tessera::test;

namespace {

bool contains(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }


std::size_t mediaCount(VerifyingCitizen& c) {
    core::ApplicationStore store(c.server().db(), c.server().services().dataKey);
    auto latest = store.latestFor(c.account().id);
    return latest ? store.media(latest->id).size() : 0;
}

std::optional<core::VerificationApplication> latest(VerifyingCitizen& c) {
    return core::ApplicationStore(c.server().db(), c.server().services().dataKey).latestFor(c.account().id);
}

FilePart photo(const std::string& field, std::string bytes, const std::string& type = "image/jpeg") {
    return {field, field + ".jpg", type, std::move(bytes)};
}

}  // namespace

TEST_CASE("Verify pages: the whole application through the forms, to submitted on the overview and dashboard",
          "[portal][verify]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerifyingCitizen c(backend);
            // Below level 1 the page says what to do first and offers no Start.
            auto early = c.browser().get("/account/verify/documents");
            REQUIRE(early.status == 200);
            CHECK(contains(early.body, "First confirm your name, date of birth and address"));
            CHECK_FALSE(contains(early.body, "name=\"evidence\""));
            c.reachLoa1();

            auto needs = c.browser().get("/account/verify/documents");
            CHECK(contains(needs.body, "<li>Passport</li>"));
            CHECK(contains(needs.body, "UK photocard driving licence"));
            CHECK(contains(needs.body, "up to 30 seconds"));
            CHECK(contains(needs.body, "name=\"evidence\" value=\"document_video\""));
            auto started = c.browser().submit("/account/verify/documents", {{"evidence", "document_video"}});
            expectRedirect(started, "/account/verify/document", "start");
            CHECK(latest(c)->state == ApplicationState::Draft);

            auto documentForm = c.browser().get("/account/verify/document");
            REQUIRE(documentForm.status == 200);
            CHECK(contains(documentForm.body, "value=\"Morag Elspeth\""));  // from the profile
            expectRedirect(c.browser().submit("/account/verify/document", c.passportForm()), "/account/verify/photos",
                           "passport");

            // Photos: the front, then the back; each page says what arrived.
            auto front = c.upload("/account/verify/photos", {}, {photo("front", media::jpegPhoto(800, 600))});
            expectRedirect(front, "/account/verify/photos?saved=photo", "front");
            auto photosPage = c.browser().follow(front);
            CHECK(contains(photosPage.body, "id=\"front-received\""));
            CHECK(contains(photosPage.body, "JPEG photo"));
            CHECK_FALSE(contains(photosPage.body, "id=\"back-received\""));
            auto back = c.upload("/account/verify/photos", {},
                                 {photo("back", media::pngPhoto(640, 480), "image/png")});
            expectRedirect(back, "/account/verify/video?saved=photos", "back");

            auto videoPage = c.browser().follow(back);
            REQUIRE(videoPage.status == 200);
            CHECK(contains(videoPage.body, "Your photos have been received"));
            CHECK(contains(videoPage.body, "enctype=\"multipart/form-data\""));
            CHECK(contains(videoPage.body, "accept=\"video/webm,video/mp4\""));
            CHECK(contains(videoPage.body, "/app/verify-video.js\"></script>"));
            CHECK(contains(videoPage.header("Content-Security-Policy"), "connect-src 'self'; media-src blob:"));
            CHECK_FALSE(contains(photosPage.header("Content-Security-Policy"), "connect-src"));
            auto video = c.upload("/account/verify/video", {}, {{"video", "me.webm", "video/webm", media::webmVideo()}});
            expectRedirect(video, "/account/verify/check?saved=video", "video");
            CHECK(mediaCount(c) == 3);

            auto check = c.browser().follow(video);
            REQUIRE(check.status == 200);
            CHECK(contains(check.body, "Your video has been received"));
            CHECK(contains(check.body, "Number ending 1278"));
            CHECK_FALSE(contains(check.body, c.person().passportNumber));
            CHECK(contains(check.body, "PNG photo"));
            CHECK(contains(check.body, "WebM video, 5 seconds"));
            CHECK(contains(check.body, "href=\"/account/verify/document\""));
            auto sent = c.browser().submit("/account/verify/check", {});
            expectRedirect(sent, "/account/verify/submitted", "submit");
            auto confirmation = c.browser().follow(sent);
            CHECK(confirmation.status == 200);
            CHECK(contains(confirmation.body, "govuk-panel--confirmation"));
            CHECK(latest(c)->state == ApplicationState::Submitted);

            auto overview = c.browser().get("/account/verify");
            CHECK(contains(overview.body, "id=\"application-status\">Submitted<"));
            CHECK(contains(overview.body, "href=\"/account/verify/withdraw\""));
            CHECK(contains(c.browser().get("/account").body, "Submitted"));
            // Sent: the forms of a draft now lead to the overview.
            expectRedirect(c.browser().get("/account/verify/photos"), "/account/verify", "photos after sending");
            expectRedirect(c.browser().get("/account/verify/document"), "/account/verify", "document after sending");

            // Withdrawing, confirmed on its own page.
            REQUIRE(c.browser().get("/account/verify/withdraw").status == 200);
            auto withdraw = c.browser().submit("/account/verify/withdraw", {});
            expectRedirect(withdraw, "/account/verify?saved=withdrawn", "withdraw");
            CHECK(latest(c)->state == ApplicationState::Withdrawn);
            auto withdrawn = c.browser().follow(withdraw);
            CHECK(contains(withdrawn.body, "You have withdrawn your application"));
            CHECK(contains(withdrawn.body, "Start a new application"));
        }
    }
}

TEST_CASE("Verify pages: the document form shows the core's checks beside their fields and stores nothing",
          "[portal][verify]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerifyingCitizen c(backend);
            c.reachLoa1();
            expectRedirect(c.fill("/account/verify/documents", {{"evidence", "document_video"}}),
                           "/account/verify/document", "start");
            const auto before = snapshot(c.server().db());
            const char wrongDigit = c.person().passportCheckDigit() == "0" ? '1' : '0';
            auto bad = c.fill("/account/verify/document", withField(c.passportForm(), "checkDigit", std::string(1, wrongDigit)));
            CHECK(bad.status == 400);
            CHECK(contains(bad.body, "<a href=\"#documentNumber\">The passport number does not match its check digit"));
            CHECK(contains(bad.body, "id=\"documentNumber-error\""));
            CHECK(contains(bad.body, "value=\"533401278\""));  // kept as typed
            CHECK(contains(bad.body, "value=\"passport\" checked"));

            auto expired = c.browser().submit("/account/verify/document", withField(c.passportForm(), "expiryDate-year", "2001"));
            CHECK(expired.status == 400);
            CHECK(contains(expired.body, "<a href=\"#expiryDate\">This document has expired"));

            auto licence = c.browser().submit(
                "/account/verify/document",
                withField(withField(c.passportForm(), "documentType", "driving_licence"), "documentNumber", "SMITH856124ME9AB"));
            CHECK(licence.status == 400);
            CHECK(contains(licence.body, "<a href=\"#documentNumber\">The driving licence number does not match the last name"));

            auto empty = c.browser().submit("/account/verify/document", {});
            CHECK(empty.status == 400);
            CHECK(contains(empty.body, "<a href=\"#documentType\">Choose the type of document</a>"));
            CHECK(contains(empty.body, "<a href=\"#issuingCountry\">Enter the issuing country</a>"));
            CHECK(contains(empty.body, "<a href=\"#expiryDate\">Enter the expiry date</a>"));
            CHECK(snapshot(c.server().db()) == before);
        }
    }
}

TEST_CASE("Verify pages: a refused photo is an error beside its input and stores nothing", "[portal][verify]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerifyingCitizen c(backend, sampleMorag(), "morag@example.org",
                               [](infra::Settings& s) { s.photoMaxBytes = 200 * 1024; });
            c.reachLoa1();
            c.startWithPassport();
            expectRedirect(c.upload("/account/verify/photos", {}, {photo("front", media::jpegPhoto(800, 600))}),
                           "/account/verify/photos?saved=photo", "good front");
            const std::size_t blobs = blobFileCount(c.server());
            const auto before = snapshot(c.server().db());

            const std::string jpeg = media::jpegPhoto(800, 600);
            auto truncated = c.upload("/account/verify/photos", {}, {photo("back", jpeg.substr(0, jpeg.size() / 2))});
            CHECK(truncated.status == 400);
            CHECK(contains(truncated.body, "<a href=\"#back\">The photo could not be read"));
            CHECK(contains(truncated.body, "id=\"front-received\""));  // the good one is still there

            auto renamed = c.upload("/account/verify/photos", {},
                                    {photo("back", media::webmVideo(), "image/jpeg")});
            CHECK(renamed.status == 400);
            CHECK(contains(renamed.body, "<a href=\"#back\">The photo must be a JPEG or PNG file</a>"));

            std::string large = media::jpegPhoto(800, 600);
            large.resize(300 * 1024, '\0');
            auto tooLarge = c.upload("/account/verify/photos", {}, {photo("back", large)});
            CHECK(tooLarge.status == 400);
            CHECK(contains(tooLarge.body, "<a href=\"#back\">The photo must be smaller than 1 MB</a>"));

            auto nothing = c.upload("/account/verify/photos", {}, {{"back", "", "application/octet-stream", ""}});
            CHECK(nothing.status == 400);
            CHECK(contains(nothing.body, "<a href=\"#back\">Choose a photo of the back of your document</a>"));

            // Without the form's token: expired, nothing read.
            auto forged = c.browser().api().request(
                "POST", "/account/verify/photos", multipartBody({}, {photo("back", media::jpegPhoto(800, 600))}),
                std::string("multipart/form-data; boundary=") + kMultipartBoundary);
            CHECK(forged.status == 400);
            CHECK(contains(forged.body, "Your form expired"));

            CHECK(mediaCount(c) == 1);
            CHECK(blobFileCount(c.server()) == blobs);
            CHECK(snapshot(c.server().db()) == before);
        }
    }
}

TEST_CASE("Verify pages: sending an incomplete application lists what is missing", "[portal][verify]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerifyingCitizen c(backend);
            c.reachLoa1();
            expectRedirect(c.fill("/account/verify/documents", {{"evidence", "document_photo"}}),
                           "/account/verify/document", "start by photo");
            auto check = c.browser().get("/account/verify/check");
            REQUIRE(check.status == 200);
            CHECK(contains(check.body, "Photos of an identity document (level 2)"));
            CHECK_FALSE(contains(check.body, "id=\"selfie_video\""));  // not needed for level 2 by photo
            const auto before = snapshot(c.server().db());
            auto refused = c.browser().submit("/account/verify/check", {});
            CHECK(refused.status == 400);
            CHECK(contains(refused.body, "<a href=\"#document\">Enter the details of your identity document</a>"));
            CHECK(contains(refused.body, "<a href=\"#document_front\">Upload a photo of the front of your document</a>"));
            CHECK(contains(refused.body, "<a href=\"#document_back\">Upload a photo of the back of your document</a>"));
            CHECK(snapshot(c.server().db()) == before);
            // Level 2 by photo has no video step: after the photos comes the check.
            expectRedirect(c.browser().get("/account/verify/video"), "/account/verify/check", "no video step");
        }
    }
}

TEST_CASE("Verify pages: a rejected application shows its reason and the reviewer's message, and a way to start again",
          "[portal][verify]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerifyingCitizen c(backend);
            c.reachLoa1();
            auto& services = c.server().services();
            ApplicationSpec spec;
            spec.state = ApplicationState::Rejected;
            spec.person = c.person();
            auto app = makeApplication(services, *services.verification->blobs, c.account().id, spec);
            core::ApplicationStore store(services.db, services.dataKey);
            auto done = services.db.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
                app.decisionReason = "document_unreadable";
                app.decisionMessage = "The photo of the back is blurred <please retake it>.";
                if (Status st = store.update(s, app); !st) return st.error();
                return true;
            });
            REQUIRE(done.ok());

            auto overview = c.browser().get("/account/verify");
            CHECK(contains(overview.body, "id=\"application-status\">Not accepted<"));
            CHECK(contains(overview.body, "We could not read your document in the photos."));
            CHECK(contains(overview.body, "The photo of the back is blurred &lt;please retake it&gt;."));
            CHECK(contains(overview.body, "Start a new application"));
            CHECK_FALSE(contains(overview.body, "href=\"/account/verify/withdraw\""));
            auto dashboard = c.browser().get("/account");
            CHECK(contains(dashboard.body, "Not accepted"));
            CHECK(contains(dashboard.body, "We could not read your document in the photos."));
            // In French too.
            auto french = c.browser().follow(c.browser().get("/account/verify?lang=fr"));
            CHECK(contains(french.body, "Nous n’avons pas pu lire votre pièce d’identité sur les photos."));
        }
    }
}

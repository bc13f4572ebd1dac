// The application's uploads, as forms that work without JavaScript (multipart/form-data):
//  - /account/verify/photos: the front and back of the document (JPEG or PNG), each replaced
//    by a new upload; a refused file (wrong type, too large, unreadable) is an error beside
//    its input and stores nothing. The page says what was received (type and size), never
//    shows the photo itself back.
//  - /account/verify/video: a short video of the citizen's face. With JavaScript and a camera,
//    resources/web/assets/verify-video.js records it in the browser (MediaRecorder) and sends
//    it to the REST API (PUT .../application/media/selfie_video); without them, or when the
//    camera is refused, the same page's upload form takes a WebM or MP4 file.
// The bytes are checked by the core (decoded and re-encoded photos, walked video containers)
// and stored encrypted; the declared type is never trusted.
#include <cstdio>

#include "web/portal/PageResponse.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/AccountForms.h"
#include "web/portal/pages/VerifyForms.h"
#include "web/portal/pages/VerifyPages.h"
#include "web/portal/pages/VerifyUploadForm.h"

namespace tessera::web::portal {

namespace {

using namespace verifypages;
using accountpages::groupField;

const std::string kFront = "front", kBack = "back", kVideo = "video";
// Room for the form's other parts and the multipart framing around the files.
constexpr std::size_t kFormOverheadBytes = 64 * 1024;
const char* const kPhotoTypes = "image/jpeg,image/png";
const char* const kVideoTypes = "video/webm,video/mp4";
const char* const kVideoApi = "/api/v1/accounts/me/verification/application/media/selfie_video";

std::string megabytes(std::size_t bytes) { return std::to_string((bytes + 1024 * 1024 - 1) / (1024 * 1024)); }

// A refused upload beside its input: "verify.errors.<kind>.<code>" (kind photo or video), else
// "verify.errors.upload.<code>", else the generic text.
void uploadError(Page& page, FormView& form, const std::string& field, const std::string& kind, const Error& error) {
    const Translator& t = page.t();
    const auto& settings = page.services().settings;
    const MessageArgs args{{"max", megabytes(kind == "video" ? settings.videoMaxBytes : settings.photoMaxBytes)},
                           {"min_seconds", std::to_string(settings.videoMinSeconds)},
                           {"max_seconds", std::to_string(settings.videoMaxSeconds)}};
    for (const std::string& key : {std::string(kSection) + ".errors." + kind + "." + error.code,
                                   std::string(kSection) + ".errors.upload." + error.code})
        if (t.has(key)) {
            form.fieldError(field, key, args);
            return;
        }
    form.fieldError(field, "errors.generic");
}

std::string received(const Translator& t, const core::ApplicationStatus& status, core::MediaSlot slot) {
    for (const auto& m : status.media)
        if (m.slot == slot) return mediaText(t, m);
    return {};
}

// What partials/verify-file-upload reads around its field: the types offered, what is stored.
PageData fileInput(const char* accept, const std::string& receivedText) {
    PageData input;
    input.set("accept", accept).set("received", receivedText);
    return input;
}

bool has(const core::ApplicationStatus& status, core::MediaSlot slot) {
    for (const auto& m : status.media)
        if (m.slot == slot) return true;
    return false;
}

// Where the citizen goes once an upload is in: the next part still missing, with a banner.
void continueAfterUpload(Page& page, Citizen& citizen, const FormFields& posted, const std::string& saved) {
    auto status = applications(page, citizen).status(citizen.accountId());
    const std::string next = status ? nextApplicationStep(*status) : std::string(paths::kVerifyCheck);
    page.redirect(withReturn(page, accountpages::savedPath(next, saved), &posted));
}

// --- photos ---

std::vector<FieldSpec> photoFields() {
    return {groupField(kFront, "verify.photos.front", "verify.photos.front_hint"),
            groupField(kBack, "verify.photos.back", "verify.photos.back_hint")};
}

void renderPhotos(Page& page, const core::ApplicationStatus& status, const FormView& form, int code) {
    const Translator& t = page.t();
    accountpages::showSavedBanner(page, kSection);
    keepReturn(page);
    page.data()
        .set("back", withReturn(page, paths::kVerifyDocument))
        .set("action", paths::kVerifyPhotos)
        .set("frontUpload", fileInput(kPhotoTypes, received(t, status, core::MediaSlot::DocumentFront)))
        .set("backUpload", fileInput(kPhotoTypes, received(t, status, core::MediaSlot::DocumentBack)))
        .set("limits", t("verify.photos.limits", {{"max", megabytes(page.services().settings.photoMaxBytes)}}));
    page.render("verify-photos", "verify.photos.title", form, code);
}

void showPhotos(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    auto draft = requireDraft(page, *citizen);
    if (!draft) return;
    renderPhotos(page, *draft, page.formView(photoFields()), 200);
}

void submitPhotos(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    const std::size_t max = page.services().settings.photoMaxBytes;
    auto upload = readUploadForm(page.request(), {{kFront, max}, {kBack, max}});
    const FormFields posted = upload ? upload->fields : FormFields();
    auto draft = requireDraft(page, *citizen, &posted);
    if (!draft) return;
    FormView form = page.formView(photoFields());
    if (!upload) {
        uploadError(page, form, kFront, "photo", upload.error());
        return renderPhotos(page, *draft, form, 400);
    }
    if (!page.csrfValid(posted)) return renderPhotos(page, *draft, form.expired(), 400);

    auto service = applications(page, *citizen);
    bool chosen = false;
    int status = 400;
    for (const auto& [field, slot] : {std::pair{kFront, core::MediaSlot::DocumentFront},
                                      std::pair{kBack, core::MediaSlot::DocumentBack}}) {
        const UploadedFile* file = upload->file(field);
        if (!file || !file->chosen) continue;
        chosen = true;
        if (file->tooLarge) {
            uploadError(page, form, field, "photo", Error::invalid("image_too_large", ""));
            continue;
        }
        auto stored = service.putMedia(citizen->actor, slot, file->bytes, file->contentType, citizen->accountId());
        if (!stored) {
            uploadError(page, form, field, "photo", stored.error());
            status = std::max(status, failedFormStatus(stored.error()));
        }
    }
    auto now = service.status(citizen->accountId());
    if (!now) return page.redirect(withReturn(page, paths::kVerifyDocuments, &posted));
    if (!chosen) {
        // Nothing chosen: fine once both are in (the citizen goes on), else say which is missing.
        if (has(*now, core::MediaSlot::DocumentFront) && has(*now, core::MediaSlot::DocumentBack))
            return continueAfterUpload(page, *citizen, posted, "photos");
        if (!has(*now, core::MediaSlot::DocumentFront)) form.fieldError(kFront, "verify.errors.photo.required_front");
        if (!has(*now, core::MediaSlot::DocumentBack)) form.fieldError(kBack, "verify.errors.photo.required_back");
    }
    if (form.hasErrors()) return renderPhotos(page, *now, form, status);
    const bool both = has(*now, core::MediaSlot::DocumentFront) && has(*now, core::MediaSlot::DocumentBack);
    if (!both) return page.redirect(withReturn(page, accountpages::savedPath(paths::kVerifyPhotos, "photo"), &posted));
    continueAfterUpload(page, *citizen, posted, "photos");
}

// --- the video ---

std::vector<FieldSpec> videoFields() { return {groupField(kVideo, "verify.video.file", "verify.video.file_hint")}; }

void renderVideo(Page& page, const core::ApplicationStatus& status, const FormView& form, int code) {
    const Translator& t = page.t();
    const auto& settings = page.services().settings;
    const std::string seconds = std::to_string(settings.videoMaxSeconds);
    accountpages::showSavedBanner(page, kSection);
    keepReturn(page);
    // The recorder plays back what it recorded (a blob: URL) and sends it with fetch: this
    // page alone may do both.
    page.extendContentSecurityPolicy("connect-src 'self'; media-src blob:");
    page.data()
        .set("back", withReturn(page, paths::kVerifyPhotos))
        .set("action", paths::kVerifyVideo)
        .set("received", received(t, status, core::MediaSlot::SelfieVideo))
        .set("videoUpload", fileInput(kVideoTypes, ""))
        .set("intro", t("verify.video.intro", {{"seconds", seconds}}))
        .set("limits", t("verify.video.limits", {{"max", megabytes(settings.videoMaxBytes)},
                                                 {"min_seconds", std::to_string(settings.videoMinSeconds)},
                                                 {"max_seconds", seconds}}))
        .set("maxSeconds", seconds)
        .set("minSeconds", std::to_string(settings.videoMinSeconds))
        .set("uploadUrl", kVideoApi)
        .set("doneUrl", withReturn(page, accountpages::savedPath(paths::kVerifyCheck, "video")));
    page.render("verify-video", "verify.video.title", form, code);
}

void showVideo(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    auto draft = requireDraft(page, *citizen);
    if (!draft) return;
    if (draft->application.bundle != core::EvidenceBundle::DocumentVideo)
        return page.redirect(withReturn(page, paths::kVerifyCheck));
    renderVideo(page, *draft, page.formView(videoFields()), 200);
}

void submitVideo(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    auto upload = readUploadForm(page.request(), {{kVideo, page.services().settings.videoMaxBytes}});
    const FormFields posted = upload ? upload->fields : FormFields();
    auto draft = requireDraft(page, *citizen, &posted);
    if (!draft) return;
    FormView form = page.formView(videoFields());
    if (!upload) {
        uploadError(page, form, kVideo, "video", upload.error());
        return renderVideo(page, *draft, form, 400);
    }
    if (!page.csrfValid(posted)) return renderVideo(page, *draft, form.expired(), 400);

    const UploadedFile* file = upload->file(kVideo);
    if (!file || !file->chosen) {
        if (has(*draft, core::MediaSlot::SelfieVideo)) return continueAfterUpload(page, *citizen, posted, "video");
        form.fieldError(kVideo, "verify.errors.video.required");
        return renderVideo(page, *draft, form, 400);
    }
    if (file->tooLarge) {
        uploadError(page, form, kVideo, "video", Error::invalid("video_too_large", ""));
        return renderVideo(page, *draft, form, 400);
    }
    auto service = applications(page, *citizen);
    auto stored = service.putMedia(citizen->actor, core::MediaSlot::SelfieVideo, file->bytes, file->contentType,
                                   citizen->accountId());
    if (!stored) {
        uploadError(page, form, kVideo, "video", stored.error());
        return renderVideo(page, *draft, form, failedFormStatus(stored.error()));
    }
    continueAfterUpload(page, *citizen, posted, "video");
}

}  // namespace

void registerVerifyUploadPages(PortalRouter& pages) {
    const auto& settings = pages.portal().services().settings;
    pages.get(paths::kVerifyPhotos, showPhotos);
    pages.post(paths::kVerifyPhotos, submitPhotos, settings.photoMaxBytes * 2 + kFormOverheadBytes);
    pages.get(paths::kVerifyVideo, showVideo);
    pages.post(paths::kVerifyVideo, submitVideo, settings.videoMaxBytes + kFormOverheadBytes);
}

}  // namespace tessera::web::portal

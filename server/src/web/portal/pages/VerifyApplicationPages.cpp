// The application a reviewer checks, for LoA 3 (a document, its photos and a selfie video) or
// LoA 2 by photographic evidence (the document and its photos):
//  - /account/verify/documents: what is needed, the documents accepted; "Start" opens the
//    application (?evidence=document_photo for LoA 2 by photo);
//  - /account/verify/document: the document's details, with the core's immediate checks (MRZ
//    check digit, licence number structure against the surname and date of birth, expiry)
//    shown beside their fields;
//  - /account/verify/check: everything entered, each with a Change link, and "Send";
//  - /account/verify/submitted: the confirmation; /account/verify/withdraw: take it back.
// The uploads are VerifyUploadPages.cpp.
#include "core/assurance/AssuranceService.h"
#include "core/verification/DocumentDetails.h"
#include "tessera/shared/ApiFields.h"
#include "web/portal/DateText.h"
#include "web/portal/PageResponse.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/AccountForms.h"
#include "web/portal/pages/VerifyForms.h"
#include "web/portal/pages/VerifyPages.h"

namespace tessera::web::portal {

namespace {

using namespace verifypages;
using accountpages::groupField;
using accountpages::showRefusal;
using accountpages::textField;
using accountpages::trimmed;

const std::string kEvidence = "evidence", kDocumentType(field::kDocumentType), kDocumentNumber(field::kDocumentNumber),
                  kCheckDigit(field::kCheckDigit), kIssuingCountry(field::kIssuingCountry),
                  kExpiryDate(field::kExpiryDate), kGivenNames(field::kGivenNames), kFamilyName(field::kFamilyName),
                  kDateOfBirth(field::kDateOfBirth);

core::EvidenceBundle bundleAsked(const std::string& value) {
    return value == "document_photo" ? core::EvidenceBundle::DocumentPhoto : core::EvidenceBundle::DocumentVideo;
}

// --- what is needed, and "Start" ---

void renderDocuments(Page& page, Citizen& citizen, core::EvidenceBundle bundle, const FormView& form, int status) {
    const Translator& t = page.t();
    core::AssuranceService assurance(page.services(), citizen.parts.policy);
    const Loa level = assurance.levelOf(citizen.accountId());
    const int target = core::targetLoaFor(bundle);
    const bool video = bundle == core::EvidenceBundle::DocumentVideo;

    std::string continueLink, sentLink;
    if (auto current = applications(page, citizen).status(citizen.accountId())) {
        const ApplicationState state = current->application.state;
        if (state == ApplicationState::Draft) continueLink = withReturn(page, nextApplicationStep(*current));
        else if (state == ApplicationState::Submitted || state == ApplicationState::InReview ||
                 state == ApplicationState::Flagged)
            sentLink = withReturn(page, paths::kVerifyIdentity);
    }
    const bool needsLevel1 = !meets(level, Loa::Loa1);
    const bool held = toInt(level) >= target;

    PageData documents = PageData::list();
    for (auto type : core::kIdentityDocumentTypes)
        documents.push(PageData::text(t("verify.document_types." + std::string(type))));
    keepReturn(page);
    page.data()
        .set("back", withReturn(page, paths::kVerifyIdentity))
        .set("action", paths::kVerifyDocuments)
        .set("heading", t(video ? "verify.documents.heading_video" : "verify.documents.heading_photo"))
        .set("intro", t("verify.documents.intro", {{"level", std::to_string(target)}}))
        .set("documents", documents)
        .set("video", video)
        .set("videoSeconds", t("verify.documents.need_video",
                               {{"seconds", std::to_string(page.services().settings.videoMaxSeconds)}}))
        .set("evidence", std::string(core::toString(bundle)))
        .set("otherWay", video ? std::string(paths::kVerifyDocuments) + "?evidence=document_photo" : paths::kVerifyDocuments)
        .set("otherWayText", t(video ? "verify.documents.other_way_photo" : "verify.documents.other_way_video"))
        .set("continueLink", continueLink)
        .set("sentLink", sentLink)
        .set("needsLevel1", needsLevel1)
        .set("identityLink", withReturn(page, paths::kVerifyIdentity))
        .set("held", held ? t("verify.documents.held", {{"level", std::to_string(toInt(level))}}) : "")
        .set("canStart", continueLink.empty() && sentLink.empty() && !needsLevel1 && !held);
    page.render("verify-documents", video ? "verify.documents.title_video" : "verify.documents.title_photo", form,
                status);
}

std::vector<FieldSpec> startFields() { return {groupField(kEvidence, "verify.documents.start")}; }

void showDocuments(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    renderDocuments(page, *citizen, bundleAsked(page.request().queryParam(kEvidence).value_or("")),
                    page.formView(startFields()), 200);
}

void startApplication(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    const FormFields posted = page.postedForm();
    const core::EvidenceBundle bundle = bundleAsked(posted.value(kEvidence));
    FormView form = page.formView(startFields());
    if (!page.csrfValid(posted)) return renderDocuments(page, *citizen, bundle, form.expired(), 400);
    auto started = applications(page, *citizen).start(citizen->actor, bundle);
    if (!started) {
        if (started.error().code == "application_open") {
            if (auto current = requireDraft(page, *citizen, &posted))
                page.redirect(withReturn(page, nextApplicationStep(*current), &posted));
            return;
        }
        showRefusal(page.t(), form, started.error(), kSection, kEvidence);
        return renderDocuments(page, *citizen, bundle, form, failedFormStatus(started.error()));
    }
    page.redirect(withReturn(page, paths::kVerifyDocument, &posted));
}

// --- the document's details ---

std::vector<FieldSpec> documentFields() {
    FieldSpec number = textField(kDocumentNumber, "verify.document.number", "text", "off", "verify.document.number_hint");
    number.widthClass = "govuk-input--width-20";
    number.spellcheck = false;
    FieldSpec digit = textField(kCheckDigit, "verify.document.check_digit", "text", "off", "verify.document.check_digit_hint");
    digit.widthClass = "govuk-input--width-2";
    digit.inputmode = "numeric";
    digit.spellcheck = false;
    FieldSpec country =
        textField(kIssuingCountry, "verify.document.issuing_country", "text", "off", "verify.document.issuing_country_hint");
    country.widthClass = "govuk-input--width-4";
    country.spellcheck = false;
    FieldSpec given = textField(kGivenNames, "verify.document.given_names", "text", "given-name");
    FieldSpec family = textField(kFamilyName, "verify.document.family_name", "text", "family-name");
    family.widthClass = "govuk-!-width-two-thirds";
    return {groupField(kDocumentType, "verify.document.type"),
            number,
            digit,
            country,
            groupField(kExpiryDate, "verify.document.expiry_date", "verify.document.expiry_date_hint"),
            given,
            family,
            groupField(kDateOfBirth, "verify.document.date_of_birth", "verify.document.date_of_birth_hint")};
}

struct DocumentTyped {
    std::string type;
    DateParts expiry, birth;
};

// A date group for the template: {dateParts, isPageHeading}, read around the field's partial.
PageData dateGroup(const Translator& t, const std::string& field, const DateParts& parts, const std::string& autocomplete) {
    PageData group;
    group.set("dateParts", datePartsData(t, field, parts, autocomplete)).set("isPageHeading", false);
    return group;
}

void renderDocument(Page& page, const FormView& form, const DocumentTyped& typed, int status) {
    const Translator& t = page.t();
    PageData options = PageData::list();
    bool first = true;
    for (auto type : core::kIdentityDocumentTypes) {
        const std::string value(type);
        options.push(accountpages::radioOption(kDocumentType, first, value, t("verify.document_types." + value), "",
                                               typed.type == value));
        first = false;
    }
    keepReturn(page);
    page.data()
        .set("back", withReturn(page, paths::kVerifyDocuments))
        .set("action", paths::kVerifyDocument)
        .set("isPageHeading", false)
        .set("options", options)
        .set("expiryGroup", dateGroup(t, kExpiryDate, typed.expiry, ""))
        .set("birthGroup", dateGroup(t, kDateOfBirth, typed.birth, "bday"));
    page.render("verify-document", "verify.document.title", form, status);
}

void showDocument(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    auto draft = requireDraft(page, *citizen);
    if (!draft) return;
    FormView form = page.formView(documentFields());
    DocumentTyped typed;
    if (const auto& d = draft->document) {
        form.value(kDocumentNumber, d->number)
            .value(kIssuingCountry, d->issuingCountry)
            .value(kGivenNames, d->givenNames)
            .value(kFamilyName, d->familyName);
        typed = {d->documentType, datePartsOf(d->expiryDate), datePartsOf(d->dateOfBirth)};
    } else {
        const core::Account account = accountOf(page, *citizen);
        const auto [given, family] = splitName(account.name);
        form.value(kGivenNames, given).value(kFamilyName, family);
        typed.birth = datePartsOf(account.dateOfBirth);
    }
    renderDocument(page, form, typed, 200);
}

// The parts as the core reads a date: "" when none was typed, else "YYYY-MM-DD" from whatever
// was typed (the core says when it is not a real date).
std::string typedDate(const DateParts& p) {
    if (p.day.empty() && p.month.empty() && p.year.empty()) return {};
    auto two = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
    return p.year + "-" + two(p.month) + "-" + two(p.day);
}

void submitDocument(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView(documentFields());
    form.keep(posted);
    const DocumentTyped typed{posted.value(kDocumentType), postedDateParts(posted, kExpiryDate),
                              postedDateParts(posted, kDateOfBirth)};
    if (!page.csrfValid(posted)) return renderDocument(page, form.expired(), typed, 400);

    core::DocumentEntry entry;
    entry.documentType = typed.type;
    entry.number = trimmed(posted.value(kDocumentNumber));
    entry.checkDigit = trimmed(posted.value(kCheckDigit));
    entry.issuingCountry = trimmed(posted.value(kIssuingCountry));
    entry.givenNames = trimmed(posted.value(kGivenNames));
    entry.familyName = trimmed(posted.value(kFamilyName));
    entry.expiryDate = typedDate(typed.expiry);
    entry.dateOfBirth = typedDate(typed.birth);
    entry.sex = accountOf(page, *citizen).sex;  // a driving licence number encodes it

    auto stored = applications(page, *citizen).setDocument(citizen->actor, entry);
    if (!stored) {
        const Error& e = stored.error();
        if (e.code == "application_not_found" || e.code == "application_not_draft") {
            (void)requireDraft(page, *citizen, &posted);  // redirects
            return;
        }
        showRefusal(page.t(), form, e, kSection, kDocumentNumber);
        return renderDocument(page, form, typed, failedFormStatus(e));
    }
    page.redirect(withReturn(page, paths::kVerifyPhotos, &posted));
}

// --- check and send ---

std::vector<FieldSpec> checkFields() {
    return {groupField("document", "verify.check.document"), groupField("document_front", "verify.check.front"),
            groupField("document_back", "verify.check.back"), groupField("selfie_video", "verify.check.video")};
}

PageData row(const std::string& id, const std::string& label, std::vector<std::string> lines, const std::string& href,
             const std::string& hidden) {
    PageData list = PageData::list();
    for (auto& line : lines)
        if (!line.empty()) list.push(PageData::text(std::move(line)));
    PageData r;
    r.set("id", id).set("label", label).set("lines", list).set("href", href).set("hidden", hidden);
    return r;
}

std::string mediaLine(const Translator& t, const core::ApplicationStatus& status, core::MediaSlot slot) {
    for (const auto& m : status.media)
        if (m.slot == slot) return mediaText(t, m);
    return {};
}

void renderCheck(Page& page, const core::ApplicationStatus& status, const FormView& form, int statusCode) {
    const Translator& t = page.t();
    PageData rows = PageData::list();
    std::vector<std::string> document;
    if (const auto& d = status.document) {
        document = {t("verify.document_types." + d->documentType),
                    t("verify.check.number_ending", {{"digits", lastFour(d->number)}}),
                    t("verify.check.expires", {{"date", dateText(t, d->expiryDate)}})};
    }
    rows.push(row("document", t("verify.check.document"), document, withReturn(page, paths::kVerifyDocument),
                  t("verify.check.document_hidden")));
    rows.push(row("document_front", t("verify.check.front"), {mediaLine(t, status, core::MediaSlot::DocumentFront)},
                  withReturn(page, paths::kVerifyPhotos), t("verify.check.front_hidden")));
    rows.push(row("document_back", t("verify.check.back"), {mediaLine(t, status, core::MediaSlot::DocumentBack)},
                  withReturn(page, paths::kVerifyPhotos), t("verify.check.back_hidden")));
    if (status.application.bundle == core::EvidenceBundle::DocumentVideo)
        rows.push(row("selfie_video", t("verify.check.video"), {mediaLine(t, status, core::MediaSlot::SelfieVideo)},
                      withReturn(page, paths::kVerifyVideo), t("verify.check.video_hidden")));
    accountpages::showSavedBanner(page, kSection);
    keepReturn(page);
    page.data()
        .set("back", withReturn(page, paths::kVerifyIdentity))
        .set("action", paths::kVerifyCheck)
        .set("rows", rows)
        .set("withdrawLink", withReturn(page, paths::kVerifyWithdraw))
        .set("bundle", t("verify.bundles." + std::string(core::toString(status.application.bundle))));
    page.render("verify-check", "verify.check.title", form, statusCode);
}

void showCheck(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    auto draft = requireDraft(page, *citizen);
    if (!draft) return;
    renderCheck(page, *draft, page.formView(checkFields()), 200);
}

void submitCheck(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    const FormFields posted = page.postedForm();
    auto draft = requireDraft(page, *citizen, &posted);
    if (!draft) return;
    FormView form = page.formView(checkFields());
    if (!page.csrfValid(posted)) return renderCheck(page, *draft, form.expired(), 400);
    auto submitted = applications(page, *citizen).submit(citizen->actor);
    if (!submitted) {
        if (submitted.error().code == "application_not_draft" || submitted.error().code == "application_not_found") {
            (void)requireDraft(page, *citizen, &posted);
            return;
        }
        showRefusal(page.t(), form, submitted.error(), kSection, "document");
        return renderCheck(page, *draft, form, failedFormStatus(submitted.error()));
    }
    page.redirect(withReturn(page, paths::kVerifySubmitted, &posted));
}

// --- sent, and taking it back ---

void showSubmitted(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    auto status = applications(page, *citizen).status(citizen->accountId());
    if (!status || status->application.state != ApplicationState::Submitted)
        return page.redirect(withReturn(page, paths::kVerifyIdentity));
    keepReturn(page);
    page.data()
        .set("overviewLink", withReturn(page, paths::kVerifyIdentity))
        .set("bundle", page.t()("verify.bundles." + std::string(core::toString(status->application.bundle))));
    page.render("verify-submitted", "verify.submitted.title");
}

bool withdrawable(ApplicationState state) {
    return state == ApplicationState::Draft || state == ApplicationState::Submitted;
}

void renderWithdraw(Page& page, const core::ApplicationStatus& status, const FormView& form, int statusCode) {
    keepReturn(page);
    page.data()
        .set("back", withReturn(page, paths::kVerifyIdentity))
        .set("action", paths::kVerifyWithdraw)
        .set("tag", stateTag(page.t(), status.application.state))
        .set("bundle", page.t()("verify.bundles." + std::string(core::toString(status.application.bundle))));
    page.render("verify-withdraw", "verify.withdraw.title", form, statusCode);
}

void showWithdraw(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    auto status = applications(page, *citizen).status(citizen->accountId());
    if (!status || !withdrawable(status->application.state))
        return page.redirect(withReturn(page, paths::kVerifyIdentity));
    renderWithdraw(page, *status, page.formView({groupField("withdraw", "verify.withdraw.heading")}), 200);
}

void submitWithdraw(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    const FormFields posted = page.postedForm();
    auto status = applications(page, *citizen).status(citizen->accountId());
    if (!status) return page.redirect(withReturn(page, paths::kVerifyIdentity, &posted));
    FormView form = page.formView({groupField("withdraw", "verify.withdraw.heading")});
    if (!page.csrfValid(posted)) return renderWithdraw(page, *status, form.expired(), 400);
    auto withdrawn = applications(page, *citizen).withdraw(citizen->actor);
    if (!withdrawn) {
        showRefusal(page.t(), form, withdrawn.error(), kSection, "withdraw");
        return renderWithdraw(page, *status, form, failedFormStatus(withdrawn.error()));
    }
    redirectToOverview(page, "withdrawn", &posted);
}

}  // namespace

void registerVerifyApplicationPages(PortalRouter& pages) {
    pages.get(paths::kVerifyDocuments, showDocuments);
    pages.post(paths::kVerifyDocuments, startApplication);
    pages.get(paths::kVerifyDocument, showDocument);
    pages.post(paths::kVerifyDocument, submitDocument);
    pages.get(paths::kVerifyCheck, showCheck);
    pages.post(paths::kVerifyCheck, submitCheck);
    pages.get(paths::kVerifySubmitted, showSubmitted);
    pages.get(paths::kVerifyWithdraw, showWithdraw);
    pages.post(paths::kVerifyWithdraw, submitWithdraw);
}

}  // namespace tessera::web::portal

// The register checks towards LoA 1 and 2, one form each, as a browser without JavaScript uses
// them:
//  - /account/verify/identity: names, date of birth and sex against the vital-records register.
//    A weak match asks one fallback question on /account/verify/identity/questions (the claim
//    travels in hidden fields: it is the citizen's own, and each answer is a counted attempt);
//    no match shows the form again with the tries left today; the last try used up, a page says
//    when to try again; a person another account already holds, a page says a person will
//    check (nothing about the other account).
//  - /account/verify/address and /account/verify/known-fact, once the identity has matched.
// Forms open filled in from the profile where it holds the value. A match goes back to the
// overview with a banner (and the step-up return path, when the citizen came from a service).
#include <functional>

#include "core/registers/KnownFactChecker.h"
#include "tessera/shared/ApiFields.h"
#include "tessera/shared/CalendarDate.h"
#include "tessera/shared/ProfileChoices.h"
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

const std::string kGivenNames(field::kGivenNames), kFamilyName(field::kFamilyName), kDateOfBirth(field::kDateOfBirth),
    kSex(field::kSex), kPlaceOfBirth(field::kPlaceOfBirth), kMothersMaidenName(field::kMothersMaidenName),
    kLine1 = "line1", kLine2 = "line2", kTown = "town", kPostcode = "postcode", kFactType(core::kFactTypeField),
    kReference(core::kReferenceField);
constexpr std::size_t kMaxName = 200, kMaxAddressLine = 200, kMaxPostcode = 20, kMaxReference = 100;
const char* const kFactTypes[] = {"council_tax_reference", "entitlement_card_number"};

// A required text field: its trimmed value, or an error on the form.
std::string requiredText(const FormFields& posted, FormView& form, const std::string& field, std::size_t max) {
    const std::string value = trimmed(posted.value(field));
    const std::string prefix = std::string(kSection) + ".errors." + field;
    if (value.empty()) form.fieldError(field, prefix + ".required");
    else if (value.size() > max) form.fieldError(field, prefix + ".too_long");
    return value;
}

std::string optionalText(const FormFields& posted, FormView& form, const std::string& field, std::size_t max) {
    const std::string value = trimmed(posted.value(field));
    if (value.size() > max) form.fieldError(field, std::string(kSection) + ".errors." + field + ".too_long");
    return value;
}

// What the no-match message says: the tries left today.
void noMatch(FormView& form, const std::string& field, int attemptsLeft) {
    form.fieldError(field, "verify.errors.no_match", {{"count", std::to_string(attemptsLeft)}});
}

// The refusals every register check answers alike (a page of their own, or a redirect): true
// when answered here; false when the caller shows its form again with the error beside a field.
bool answeredRefusal(Page& page, Citizen& citizen, core::CheckKind kind, const Error& error, const FormFields& posted) {
    if (error.kind == ErrorKind::TooManyRequests) {
        renderAttemptsExhausted(page, citizen, kind, 429);
        return true;
    }
    if (error.code == "possible_duplicate") {
        renderPossibleDuplicate(page, 409);
        return true;
    }
    if (error.code == "identity_already_matched") {
        redirectToOverview(page, "identity", &posted);
        return true;
    }
    if (error.code == "identity_match_required") {
        page.redirect(withReturn(page, paths::kVerifyIdentityMatch, &posted));
        return true;
    }
    return false;
}

int attemptsLeft(Page& page, Citizen& citizen, core::CheckKind kind) {
    return identityChecks(page, citizen).attemptsLeft(citizen.accountId(), kind);
}

// --- name, date of birth and sex ---

std::vector<FieldSpec> identityFields() {
    FieldSpec given = textField(kGivenNames, "verify.identity.given_names", "text", "given-name",
                                "verify.identity.given_names_hint");
    FieldSpec family = textField(kFamilyName, "verify.identity.family_name", "text", "family-name");
    family.widthClass = "govuk-!-width-two-thirds";
    return {given, family, groupField(kDateOfBirth, "verify.identity.date_of_birth", "verify.identity.date_of_birth_hint"),
            groupField(kSex, "verify.identity.sex", "verify.identity.sex_hint")};
}

struct IdentityTyped {
    DateParts dateOfBirth;
    std::string sex;
};

void renderIdentity(Page& page, Citizen& citizen, const FormView& form, const IdentityTyped& typed, int status) {
    const Translator& t = page.t();
    keepReturn(page);
    page.data()
        .set("back", withReturn(page, paths::kVerifyIdentity))
        .set("action", paths::kVerifyIdentityMatch)
        .set("attemptsLeft", t("verify.attempts_left",
                               {{"count", std::to_string(attemptsLeft(page, citizen, core::CheckKind::VitalRecord))}}))
        .set("isPageHeading", false)
        .set("dateParts", datePartsData(t, kDateOfBirth, typed.dateOfBirth, "bday"))
        .set("options", sexOptions(t, kSex, typed.sex));
    page.render("verify-identity", "verify.identity.title", form, status);
}

// The claim from the posted fields (the identity form's, or the questions page's hidden copy),
// or nullopt with the problems on the form.
std::optional<core::VitalRecordClaim> postedClaim(Page& page, const FormFields& posted, FormView& form,
                                                  const std::string& isoDateOfBirth) {
    core::VitalRecordClaim claim;
    claim.givenNames = requiredText(posted, form, kGivenNames, kMaxName);
    claim.familyName = requiredText(posted, form, kFamilyName, kMaxName);
    if (!isoDateOfBirth.empty()) {
        auto date = validate::dateOfBirth(isoDateOfBirth, page.services().clock.now());
        if (date) claim.dateOfBirth = *date;
        else showRefusal(page.t(), form, date.error(), kSection, kDateOfBirth);
    }
    const std::string sex = posted.value(kSex);
    if (sex.empty()) form.fieldError(kSex, "verify.errors.sex.required");
    else if (auto parsed = sexFromString(sex)) claim.sex = *parsed;
    else form.fieldError(kSex, "verify.errors.sex.invalid_choice");
    if (form.hasErrors()) return std::nullopt;
    return claim;
}

// --- the fallback question ---

std::vector<FieldSpec> questionFields() {
    FieldSpec place = textField(kPlaceOfBirth, "verify.questions.place_of_birth", "text", "off",
                                "verify.questions.place_of_birth_hint");
    place.widthClass = "govuk-!-width-two-thirds";
    FieldSpec maiden = textField(kMothersMaidenName, "verify.questions.mothers_maiden_name", "text", "off",
                                 "verify.questions.mothers_maiden_name_hint");
    maiden.widthClass = "govuk-!-width-two-thirds";
    return {place, maiden};
}

void renderQuestions(Page& page, Citizen& citizen, const core::VitalRecordClaim& claim, const FormView& form,
                     int status) {
    const Translator& t = page.t();
    keepReturn(page);
    page.data()
        .set("back", withReturn(page, paths::kVerifyIdentityMatch))
        .set("action", paths::kVerifyIdentityQuestions)
        .set("attemptsLeft", t("verify.attempts_left",
                               {{"count", std::to_string(attemptsLeft(page, citizen, core::CheckKind::VitalRecord))}}))
        .set("claimGivenNames", claim.givenNames)
        .set("claimFamilyName", claim.familyName)
        .set("claimDateOfBirth", toIsoString(claim.dateOfBirth))
        .set("claimSex", std::string(toString(claim.sex)));
    page.render("verify-questions", "verify.questions.title", form, status);
}

// What a vital-records check answered, for either form. `again` shows the form the citizen
// posted once more with the error added to `form` (on `errorField` when it names none).
void answerIdentityCheck(Page& page, Citizen& citizen, const core::VitalRecordClaim& claim, const FormFields& posted,
                         FormView& form, const std::string& errorField, const Result<core::CheckOutcome>& result,
                         const std::function<void(FormView&, int)>& again) {
    if (!result) {
        if (answeredRefusal(page, citizen, core::CheckKind::VitalRecord, result.error(), posted)) return;
        showRefusal(page.t(), form, result.error(), kSection, errorField);
        return again(form, failedFormStatus(result.error()));
    }
    switch (result->outcome) {
        case core::MatchOutcome::Matched: return redirectToOverview(page, "identity", &posted);
        case core::MatchOutcome::NeedsFallback: {
            // Asked again after an answer: the other question is needed as well.
            FormView questions = page.formView(questionFields());
            questions.keep(posted);
            const bool answered = !trimmed(posted.value(kPlaceOfBirth)).empty() ||
                                  !trimmed(posted.value(kMothersMaidenName)).empty();
            if (answered)
                questions.fieldError(trimmed(posted.value(kPlaceOfBirth)).empty() ? kPlaceOfBirth : kMothersMaidenName,
                                     "verify.errors.answer_both");
            return renderQuestions(page, citizen, claim, questions, answered ? 400 : 200);
        }
        case core::MatchOutcome::NoMatch:
            if (result->attemptsLeft <= 0) return renderAttemptsExhausted(page, citizen, core::CheckKind::VitalRecord, 400);
            noMatch(form, errorField, result->attemptsLeft);
            return again(form, 400);
    }
}

void showIdentity(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    if (identityMatched(page, *citizen)) return page.redirect(withReturn(page, paths::kVerifyIdentity));
    if (attemptsLeft(page, *citizen, core::CheckKind::VitalRecord) <= 0)
        return renderAttemptsExhausted(page, *citizen, core::CheckKind::VitalRecord, 200);
    const core::Account account = accountOf(page, *citizen);
    const auto [given, family] = splitName(account.name);
    FormView form = page.formView(identityFields());
    form.value(kGivenNames, given).value(kFamilyName, family);
    renderIdentity(page, *citizen, form, {datePartsOf(account.dateOfBirth), account.sex}, 200);
}

void submitIdentity(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView(identityFields());
    form.keep(posted);
    const IdentityTyped typed{postedDateParts(posted, kDateOfBirth), posted.value(kSex)};
    auto again = [&](FormView& f, int status) { renderIdentity(page, *citizen, f, typed, status); };
    if (!page.csrfValid(posted)) return again(form.expired(), 400);

    const auto iso = isoDateFrom(typed.dateOfBirth, form, kDateOfBirth);
    auto claim = postedClaim(page, posted, form, iso.value_or(""));
    if (!claim || form.hasErrors()) return again(form, 400);
    auto result = identityChecks(page, *citizen).matchIdentity(citizen->actor, *claim);
    answerIdentityCheck(page, *citizen, *claim, posted, form, kGivenNames, result, again);
}

void showQuestions(Page& page) {
    // The claim is never kept between requests: the questions come after the identity form.
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    page.redirect(withReturn(page, paths::kVerifyIdentityMatch));
}

void submitQuestions(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView(questionFields());
    form.keep(posted);

    FormView claimCheck = page.formView(identityFields());
    auto claim = postedClaim(page, posted, claimCheck, posted.value(kDateOfBirth));
    if (!claim) return page.redirect(withReturn(page, paths::kVerifyIdentityMatch, &posted));
    auto again = [&](FormView& f, int status) { renderQuestions(page, *citizen, *claim, f, status); };
    if (!page.csrfValid(posted)) return again(form.expired(), 400);

    claim->placeOfBirth = optionalText(posted, form, kPlaceOfBirth, kMaxName);
    claim->mothersMaidenName = optionalText(posted, form, kMothersMaidenName, kMaxName);
    if (!form.hasErrors() && claim->placeOfBirth.empty() && claim->mothersMaidenName.empty())
        form.fieldError(kPlaceOfBirth, "verify.errors.answer_one");
    if (form.hasErrors()) return again(form, 400);
    auto result = identityChecks(page, *citizen).matchIdentity(citizen->actor, *claim);
    answerIdentityCheck(page, *citizen, *claim, posted, form, kPlaceOfBirth, result, again);
}

// --- address ---

std::vector<FieldSpec> addressFields() {
    FieldSpec line1 = textField(kLine1, "profile.address.line1", "text", "address-line1", "", std::string(field::kAddressLine1));
    FieldSpec line2 = textField(kLine2, "profile.address.line2", "text", "address-line2", "", std::string(field::kAddressLine2));
    FieldSpec town = textField(kTown, "profile.address.town", "text", "address-level2", "", std::string(field::kAddressTown));
    town.widthClass = "govuk-!-width-two-thirds";
    FieldSpec postcode =
        textField(kPostcode, "profile.address.postcode", "text", "postal-code", "", std::string(field::kAddressPostcode));
    postcode.widthClass = "govuk-input--width-10";
    postcode.spellcheck = false;
    return {line1, line2, town, postcode};
}

// The page a check shows before the identity has matched: what to do first.
void renderNeedsIdentity(Page& page, const std::string& titleKey, const std::string& headingKey) {
    keepReturn(page);
    page.data()
        .set("back", withReturn(page, paths::kVerifyIdentity))
        .set("heading", page.t()(headingKey))
        .set("identityLink", withReturn(page, paths::kVerifyIdentityMatch));
    page.render("verify-needs-identity", titleKey);
}

void renderAddress(Page& page, Citizen& citizen, const FormView& form, int status) {
    keepReturn(page);
    page.data()
        .set("back", withReturn(page, paths::kVerifyIdentity))
        .set("action", paths::kVerifyAddress)
        .set("attemptsLeft", page.t()("verify.attempts_left",
                                      {{"count", std::to_string(attemptsLeft(page, citizen, core::CheckKind::Address))}}));
    page.render("verify-address", "verify.address.title", form, status);
}

void showAddress(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    if (!identityMatched(page, *citizen)) return renderNeedsIdentity(page, "verify.address.title", "verify.address.heading");
    if (attemptsLeft(page, *citizen, core::CheckKind::Address) <= 0)
        return renderAttemptsExhausted(page, *citizen, core::CheckKind::Address, 200);
    const core::Account account = accountOf(page, *citizen);
    FormView form = page.formView(addressFields());
    form.value(kLine1, account.address.line1)
        .value(kLine2, account.address.line2)
        .value(kTown, account.address.town)
        .value(kPostcode, account.address.postcode);
    renderAddress(page, *citizen, form, 200);
}

void submitAddress(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView(addressFields());
    form.keep(posted);
    if (!page.csrfValid(posted)) return renderAddress(page, *citizen, form.expired(), 400);
    core::AddressClaim claim;
    claim.line1 = requiredText(posted, form, kLine1, kMaxAddressLine);
    claim.line2 = optionalText(posted, form, kLine2, kMaxAddressLine);
    claim.town = optionalText(posted, form, kTown, kMaxAddressLine);
    claim.postcode = requiredText(posted, form, kPostcode, kMaxPostcode);
    if (form.hasErrors()) return renderAddress(page, *citizen, form, 400);

    auto result = identityChecks(page, *citizen).matchAddress(citizen->actor, claim);
    if (!result) {
        if (answeredRefusal(page, *citizen, core::CheckKind::Address, result.error(), posted)) return;
        showRefusal(page.t(), form, result.error(), kSection, kLine1);
        return renderAddress(page, *citizen, form, failedFormStatus(result.error()));
    }
    if (result->outcome == core::MatchOutcome::Matched) return redirectToOverview(page, "address", &posted);
    if (result->attemptsLeft <= 0) return renderAttemptsExhausted(page, *citizen, core::CheckKind::Address, 400);
    noMatch(form, kLine1, result->attemptsLeft);
    renderAddress(page, *citizen, form, 400);
}

// --- a known fact ---

std::vector<FieldSpec> knownFactFields() {
    FieldSpec reference = textField(kReference, "verify.known_fact.reference", "text", "off",
                                    "verify.known_fact.reference_hint");
    reference.widthClass = "govuk-input--width-20";
    reference.spellcheck = false;
    return {groupField(kFactType, "verify.known_fact.fact_type", "verify.known_fact.fact_type_hint"), reference};
}

void renderKnownFact(Page& page, Citizen& citizen, const FormView& form, const std::string& chosen, int status) {
    const Translator& t = page.t();
    PageData options = PageData::list();
    bool first = true;
    for (const char* type : kFactTypes) {
        options.push(accountpages::radioOption(kFactType, first, type, t(std::string("verify.fact_types.") + type),
                                               t(std::string("verify.fact_type_hints.") + type), chosen == type));
        first = false;
    }
    keepReturn(page);
    page.data()
        .set("back", withReturn(page, paths::kVerifyIdentity))
        .set("action", paths::kVerifyKnownFact)
        .set("isPageHeading", false)
        .set("options", options)
        .set("attemptsLeft", t("verify.attempts_left",
                               {{"count", std::to_string(attemptsLeft(page, citizen, core::CheckKind::KnownFact))}}));
    page.render("verify-known-fact", "verify.known_fact.title", form, status);
}

void showKnownFact(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    if (!identityMatched(page, *citizen))
        return renderNeedsIdentity(page, "verify.known_fact.title", "verify.known_fact.heading");
    if (attemptsLeft(page, *citizen, core::CheckKind::KnownFact) <= 0)
        return renderAttemptsExhausted(page, *citizen, core::CheckKind::KnownFact, 200);
    renderKnownFact(page, *citizen, page.formView(knownFactFields()), "", 200);
}

void submitKnownFact(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView(knownFactFields());
    form.keep(posted);
    const std::string factType = posted.value(kFactType);
    if (!page.csrfValid(posted)) return renderKnownFact(page, *citizen, form.expired(), factType, 400);
    if (factType.empty()) form.fieldError(kFactType, "verify.errors.factType.required");
    const std::string reference = requiredText(posted, form, kReference, kMaxReference);
    if (form.hasErrors()) return renderKnownFact(page, *citizen, form, factType, 400);

    auto result = identityChecks(page, *citizen).checkKnownFact(citizen->actor, factType, reference);
    if (!result) {
        if (answeredRefusal(page, *citizen, core::CheckKind::KnownFact, result.error(), posted)) return;
        showRefusal(page.t(), form, result.error(), kSection, kReference);
        return renderKnownFact(page, *citizen, form, factType, failedFormStatus(result.error()));
    }
    if (result->outcome == core::MatchOutcome::Matched) return redirectToOverview(page, "known_fact", &posted);
    if (result->attemptsLeft <= 0) return renderAttemptsExhausted(page, *citizen, core::CheckKind::KnownFact, 400);
    noMatch(form, kReference, result->attemptsLeft);
    renderKnownFact(page, *citizen, form, factType, 400);
}

}  // namespace

void registerVerifyRegisterPages(PortalRouter& pages) {
    pages.get(paths::kVerifyIdentityMatch, showIdentity);
    pages.post(paths::kVerifyIdentityMatch, submitIdentity);
    pages.get(paths::kVerifyIdentityQuestions, showQuestions);
    pages.post(paths::kVerifyIdentityQuestions, submitQuestions);
    pages.get(paths::kVerifyAddress, showAddress);
    pages.post(paths::kVerifyAddress, submitAddress);
    pages.get(paths::kVerifyKnownFact, showKnownFact);
    pages.post(paths::kVerifyKnownFact, submitKnownFact);
}

}  // namespace tessera::web::portal

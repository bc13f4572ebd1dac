#pragma once
// A form as a page shows it: its fields (label, hint, kept value) and, after a failed post,
// the errors: an error summary at the top linking to each field (#field-id), and each
// message beside its field, in govuk-frontend markup (templates/partials/error-summary,
// templates/partials/input). Passwords are never shown again.
//
//   FormView form(page.t(), {{"email", "sign_in.email"}, ...});
//   form.keep(submitted).coreError(result.error(), "email");
//   page.render("sign-in", "sign_in.title", form, 400);
#include <string>
#include <vector>

#include "tessera/shared/Result.h"
#include "web/portal/Form.h"
#include "web/portal/Messages.h"
#include "web/portal/PageData.h"

namespace tessera::web::portal {

struct FieldSpec {
    std::string name;           // the form field's name, also the input's id
    std::string labelKey;       // message key of its label
    std::string type = "text";  // the input type: text, email, password, tel, ...
    std::string autocomplete;   // "email", "current-password", "one-time-code", ...
    std::string hintKey;        // message key of a hint under the label, or ""
    std::string inputmode;      // "numeric" for codes, or ""
    std::string widthClass;     // "govuk-input--width-10", or "" for full width
    std::string coreField;      // the field name core errors use when it is not `name`
    bool spellcheck = true;     // false for emails and codes
};

class FormView {
public:
    FormView(Translator t, std::vector<FieldSpec> fields);

    // Shows the submitted values again; a password field's never.
    FormView& keep(const FormFields& submitted);
    // Sets a field's value to show (e.g. from the account when the page first opens).
    FormView& value(const std::string& field, std::string value);
    // An error message (by key) beside `field`, and a line in the summary linking to it.
    FormView& fieldError(const std::string& field, const std::string& messageKey, const MessageArgs& args = {});
    // A core service's refusal: each of its field errors is shown beside its field with the
    // text of "errors.<field>.<code>", else "errors.<code>", else "errors.generic"; an error
    // with no field errors is shown on `fallbackField` the same way by its code.
    FormView& coreError(const Error& error, const std::string& fallbackField, const MessageArgs& args = {});
    // The post could not be trusted (CSRF): "Your form expired", on the first field.
    FormView& expired();

    bool hasErrors() const { return !errors_.empty(); }
    // {hasErrors, errors: [{href, text}], fields: [field...], field: {<name>: field}} where
    // a field is {id, name, type, label, hint, value, error, hasError, autocomplete,
    // inputmode, widthClass, describedBy, spellcheckOff}.
    PageData data() const;

private:
    struct Shown {
        FieldSpec spec;
        std::string value;
        std::string error;
    };
    Shown* find(const std::string& fieldOrCoreField);
    std::string messageKeyFor(const std::string& field, const std::string& code) const;

    Translator t_;
    std::vector<Shown> fields_;
    std::vector<std::pair<std::string, std::string>> errors_;  // field id, text, in order shown
};

}  // namespace tessera::web::portal

#include "web/portal/FormView.h"

namespace tessera::web::portal {

FormView::FormView(Translator t, std::vector<FieldSpec> fields) : t_(std::move(t)) {
    for (auto& spec : fields) fields_.push_back({std::move(spec), {}, {}});
}

FormView::Shown* FormView::find(const std::string& field) {
    for (auto& f : fields_)
        if (f.spec.name == field || (!f.spec.coreField.empty() && f.spec.coreField == field)) return &f;
    return nullptr;
}

FormView& FormView::keep(const FormFields& submitted) {
    for (auto& f : fields_)
        if (f.spec.type != "password") f.value = submitted.value(f.spec.name);
    return *this;
}

FormView& FormView::value(const std::string& field, std::string value) {
    if (Shown* f = find(field); f && f->spec.type != "password") f->value = std::move(value);
    return *this;
}

FormView& FormView::fieldError(const std::string& field, const std::string& messageKey, const MessageArgs& args) {
    Shown* f = find(field);
    if (!f && !fields_.empty()) f = &fields_.front();
    const std::string text = t_(messageKey, args);
    if (f) {
        if (!f->error.empty()) return *this;  // one message per field: the first problem
        f->error = text;
        errors_.emplace_back(f->spec.name, text);
    } else {
        errors_.emplace_back(std::string(), text);
    }
    return *this;
}

std::string FormView::messageKeyFor(const std::string& field, const std::string& code) const {
    for (const std::string& key : {"errors." + field + "." + code, "errors." + code})
        if (t_.has(key)) return key;
    return "errors.generic";
}

FormView& FormView::coreError(const Error& error, const std::string& fallbackField, const MessageArgs& args) {
    if (error.fields.empty()) return fieldError(fallbackField, messageKeyFor(fallbackField, error.code), args);
    for (const auto& fe : error.fields) {
        const Shown* shown = find(fe.field);
        const std::string target = shown ? shown->spec.name : fallbackField;
        fieldError(target, messageKeyFor(shown ? fe.field : fallbackField, fe.code), args);
    }
    return *this;
}

FormView& FormView::expired() {
    return fieldError(fields_.empty() ? std::string() : fields_.front().spec.name, "errors.form_expired");
}

PageData FormView::data() const {
    PageData form;
    form.set("hasErrors", hasErrors());
    PageData errors = PageData::list();
    for (const auto& [id, text] : errors_) {
        PageData line;
        line.set("href", id.empty() ? std::string() : "#" + id).set("text", text);
        errors.push(line);
    }
    form.set("errors", errors);

    PageData list = PageData::list();
    PageData byName;
    for (const auto& f : fields_) {
        std::string describedBy = f.spec.hintKey.empty() ? "" : f.spec.name + "-hint";
        if (!f.error.empty()) describedBy += (describedBy.empty() ? "" : " ") + f.spec.name + "-error";
        PageData field;
        field.set("id", f.spec.name)
            .set("name", f.spec.name)
            .set("type", f.spec.type)
            .set("label", t_(f.spec.labelKey))
            .set("hint", f.spec.hintKey.empty() ? std::string() : t_(f.spec.hintKey))
            .set("value", f.value)
            .set("error", f.error)
            .set("hasError", !f.error.empty())
            .set("autocomplete", f.spec.autocomplete)
            .set("inputmode", f.spec.inputmode)
            .set("widthClass", f.spec.widthClass)
            .set("describedBy", describedBy)
            .set("spellcheckOff", !f.spec.spellcheck);
        list.push(field);
        byName.set(f.spec.name, field);
    }
    form.set("fields", list).set("field", byName);
    return form;
}

}  // namespace tessera::web::portal

#include "ui/admin/ServicesPage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/admin/ChoiceList.h"
#include "ui/admin/FormRows.h"
#include "ui/admin/SecretDialog.h"

namespace tessera::reviewer {

namespace {

// Shows `value`, adding it when the offered list lacks it, so an edit never changes it unseen.
void showValue(QComboBox* box, const QString& value) {
    if (box->findText(value) < 0 && !value.isEmpty()) box->addItem(value);
    box->setCurrentIndex(box->findText(value));
}

void offer(QComboBox* box, const QStringList& values) {
    const QString current = box->currentText();
    box->clear();
    box->addItems(values);
    showValue(box, current);
}

QComboBox* choiceBox(const QString& accessibleName, QWidget* parent) {
    auto* box = new QComboBox(parent);
    box->setAccessibleName(accessibleName);
    return box;
}

QLineEdit* urlEdit(const QString& accessibleName, const QString& example, QWidget* parent) {
    auto* edit = new QLineEdit(parent);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(example);
    return edit;
}

}  // namespace

ServicesPage::ServicesPage(QWidget* parent)
    : QWidget(parent),
      confirm_(askWithMessageBox(this)),
      table_(new QTableView(this)),
      general_(errorLabel(this, tr("Problems with the service"))),
      name_(new QLineEdit(this)),
      description_(new QLineEdit(this)),
      logoUrl_(urlEdit(tr("Logo URL"), QStringLiteral("https://service.example/logo.png"), this)),
      redirectUris_(new QPlainTextEdit(this)),
      postLogoutUris_(new QPlainTextEdit(this)),
      backchannelUri_(urlEdit(tr("Back-channel logout URI"), QStringLiteral("https://service.example/logout"), this)),
      clientType_(choiceBox(tr("Client type"), this)),
      authMethod_(choiceBox(tr("Token endpoint authentication"), this)),
      jwksUri_(urlEdit(tr("Public keys (JWKS) URL"), QStringLiteral("https://service.example/jwks.json"), this)),
      grantTypes_(new ChoiceList(tr("Grant types"), 3, this)),
      idTokenAlg_(choiceBox(tr("Token signing algorithm"), this)),
      scopes_(new ChoiceList(tr("Scopes"), 4, this)),
      claims_(new ChoiceList(tr("Claims"), 3, this)),
      minLoa_(new QSpinBox(this)),
      subjectType_(choiceBox(tr("Subject identifiers"), this)),
      sectorIdentifier_(urlEdit(tr("Sector identifier URI"), QStringLiteral("https://service.example/sector.json"), this)),
      eventPushUrl_(urlEdit(tr("Event delivery URL"), QStringLiteral("https://service.example/events"), this)),
      save_(new QPushButton(tr("Save"), this)),
      disable_(new QPushButton(tr("Disable…"), this)),
      rotate_(new QPushButton(tr("Rotate secret…"), this)) {
    setAccessibleName(tr("Services"));
    table_->setModel(&model_);
    table_->setAccessibleName(tr("Connected services"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    // Names and ids in full; the redirect URIs take what room is left.
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(ServicesModel::RedirectUris, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) { select(index.row()); });

    name_->setAccessibleName(tr("Service name"));
    description_->setAccessibleName(tr("Description"));
    redirectUris_->setAccessibleName(tr("Redirect URIs, one per line"));
    postLogoutUris_->setAccessibleName(tr("Post-logout redirect URIs, one per line"));
    redirectUris_->setPlaceholderText(QStringLiteral("https://service.example/callback"));
    redirectUris_->setTabChangesFocus(true);
    postLogoutUris_->setTabChangesFocus(true);
    // Room for a few URIs each, also when the settings are scrolled (a scroll area squeezes).
    const int line = fontMetrics().lineSpacing();
    redirectUris_->setFixedHeight(4 * line + 12);
    postLogoutUris_->setFixedHeight(3 * line + 12);
    minLoa_->setRange(0, 3);
    minLoa_->setAccessibleName(tr("Lowest level of assurance"));
    minLoa_->setToolTip(tr("Citizens below this level are asked to prove their identity before they reach the service."));
    // The method follows the client type when it no longer fits (a public client has no secret).
    connect(clientType_, &QComboBox::currentTextChanged, this, [this](const QString& type) {
        showValue(authMethod_, ServiceForm::authMethodFor(type, authMethod_->currentText()));
    });
    save_->setAccessibleName(tr("Save the service"));
    disable_->setAccessibleName(tr("Disable the service"));
    rotate_->setAccessibleName(tr("Rotate the client secret"));

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setAccessibleName(tr("Services and details"));
    split->setChildrenCollapsible(false);
    split->addWidget(table_);
    split->addWidget(buildEditor());
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
    startNew();
}

QWidget* ServicesPage::buildEditor() {
    auto* newButton = new QPushButton(tr("New service"), this);
    newButton->setAccessibleName(tr("New service"));
    auto* refresh = new QPushButton(tr("Refresh"), this);
    refresh->setAccessibleName(tr("Refresh the services"));
    connect(newButton, &QPushButton::clicked, this, &ServicesPage::startNew);
    connect(refresh, &QPushButton::clicked, this, &ServicesPage::refreshRequested);
    connect(save_, &QPushButton::clicked, this, &ServicesPage::save);
    connect(disable_, &QPushButton::clicked, this, &ServicesPage::disableSelected);
    connect(rotate_, &QPushButton::clicked, this, &ServicesPage::rotateSelected);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(newButton);
    buttons->addWidget(save_);
    buttons->addStretch();
    buttons->addWidget(rotate_);
    buttons->addWidget(disable_);
    buttons->addWidget(refresh);

    // The settings scroll; the buttons and the general problems stay in sight.
    auto* fields = new QWidget(this);
    fields->setAccessibleName(tr("Service settings"));
    auto* fieldsLayout = new QVBoxLayout(fields);
    fieldsLayout->addWidget(aboutSection());
    fieldsLayout->addWidget(signInSection());
    fieldsLayout->addWidget(sharingSection());
    fieldsLayout->addStretch();
    scroll_ = new QScrollArea(this);
    scroll_->setAccessibleName(tr("Service settings"));
    scroll_->setWidgetResizable(true);
    scroll_->setWidget(fields);

    auto* editor = new QWidget(this);
    editor->setAccessibleName(tr("Service details"));
    auto* editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(general_);
    editorLayout->addWidget(scroll_, 1);
    editorLayout->addLayout(buttons);
    return editor;
}

QWidget* ServicesPage::aboutSection() {
    auto* box = new QGroupBox(tr("About the service"), this);
    box->setAccessibleName(tr("About the service"));
    auto* form = new QFormLayout(box);
    addRow(form, tr("Name"), QStringLiteral("name"), name_);
    addRow(form, tr("Description"), QStringLiteral("description"), description_);
    addRow(form, tr("Logo URL"), QStringLiteral("logoUrl"), logoUrl_);
    // Why the service asks, shown on the consent page: one line per language the portal speaks.
    auto* consent = new QWidget(box);
    consent->setAccessibleName(tr("Consent text"));
    consentRows_ = new QFormLayout(consent);
    consentRows_->setContentsMargins(0, 0, 0, 0);
    addRow(form, tr("Why it asks"), QStringLiteral("consentText"), consent);
    return box;
}

QWidget* ServicesPage::signInSection() {
    auto* box = new QGroupBox(tr("Signing in"), this);
    box->setAccessibleName(tr("Signing in"));
    auto* form = new QFormLayout(box);
    addRow(form, tr("Redirect URIs"), QStringLiteral("redirectUris"), redirectUris_);
    addRow(form, tr("Post-logout URIs"), QStringLiteral("postLogoutRedirectUris"), postLogoutUris_);
    addRow(form, tr("Back-channel logout"), QStringLiteral("backchannelLogoutUri"), backchannelUri_);
    addRow(form, tr("Client type"), QStringLiteral("clientType"), clientType_);
    addRow(form, tr("Authentication"), QStringLiteral("tokenEndpointAuthMethod"), authMethod_);
    addRow(form, tr("Public keys (JWKS)"), QStringLiteral("jwksUri"), jwksUri_);
    addRow(form, tr("Grant types"), QStringLiteral("grantTypes"), grantTypes_);
    addRow(form, tr("Token signing"), QStringLiteral("idTokenAlg"), idTokenAlg_);
    return box;
}

QWidget* ServicesPage::sharingSection() {
    auto* box = new QGroupBox(tr("What the service receives"), this);
    box->setAccessibleName(tr("What the service receives"));
    auto* form = new QFormLayout(box);
    addRow(form, tr("Scopes"), QStringLiteral("allowedScopes"), scopes_);
    addRow(form, tr("Claims"), QStringLiteral("allowedClaims"), claims_);
    addRow(form, tr("Lowest level"), QStringLiteral("minLoa"), minLoa_);
    addRow(form, tr("Subject identifiers"), QStringLiteral("subjectType"), subjectType_);
    addRow(form, tr("Sector identifier"), QStringLiteral("sectorIdentifier"), sectorIdentifier_);
    addRow(form, tr("Event delivery"), QStringLiteral("eventPushUrl"), eventPushUrl_);
    return box;
}

void ServicesPage::addRow(QFormLayout* form, const QString& label, const QString& field, QWidget* widget) {
    QLabel* error = errorLabel(this, tr("Problem with %1").arg(label));
    errorLabels_.insert(field, error);
    form->addRow(label, withError(widget, error, this));
}

void ServicesPage::setVocabulary(const ServiceVocabulary& vocabulary) {
    offer(clientType_, vocabulary.clientTypes);
    offer(authMethod_, vocabulary.tokenEndpointAuthMethods);
    offer(idTokenAlg_, vocabulary.idTokenAlgs);
    offer(subjectType_, vocabulary.subjectTypes);
    grantTypes_->setChoices(vocabulary.grantTypes);
    scopes_->setChoices(vocabulary.scopes);
    claims_->setChoices(vocabulary.claims);
    setConsentLanguages(vocabulary.consentLanguages);
}

void ServicesPage::setConsentLanguages(const QStringList& languages) {
    for (const auto& language : languages) {
        if (consent_.contains(language)) continue;
        auto* edit = new QLineEdit(this);
        //: %1 is a language code such as en, fr or gd.
        edit->setAccessibleName(tr("Why the service asks, in %1").arg(language));
        consent_.insert(language, edit);
        consentRows_->addRow(language, edit);
    }
}

void ServicesPage::setServices(const QList<ServiceRecord>& services) {
    model_.setServices(services);
    const int row = model_.rowOf(currentId_);
    if (row >= 0) table_->selectRow(row);
}

void ServicesPage::showSaved(const ServiceRecord& service) {
    model_.upsert(service);
    clearErrors();
    table_->selectRow(model_.rowOf(service.id));
    select(model_.rowOf(service.id));
}

void ServicesPage::showSecret(const ServiceWithSecret& answer) {
    showSaved(answer.service);
    if (secretDialog_) secretDialog_->close();
    secretDialog_ = new SecretDialog(answer.service.name, answer.clientSecret, this);
    secretDialog_->open();
}

void ServicesPage::showProblem(const Problem& problem) { showErrors(FieldErrors(problem, ServiceForm::fields())); }

ServiceForm ServicesPage::form() const {
    ServiceForm f;
    f.id = currentId_;
    f.etag = currentEtag_;
    f.name = name_->text();
    f.description = description_->text();
    f.logoUrl = logoUrl_->text();
    f.redirectUris = redirectUris_->toPlainText();
    f.postLogoutRedirectUris = postLogoutUris_->toPlainText();
    f.backchannelLogoutUri = backchannelUri_->text();
    f.clientType = clientType_->currentText();
    f.tokenEndpointAuthMethod = authMethod_->currentText();
    f.jwksUri = jwksUri_->text();
    f.grantTypes = grantTypes_->checked();
    f.allowedScopes = scopes_->checked();
    f.allowedClaims = claims_->checked();
    f.minLoa = minLoa_->value();
    f.subjectType = subjectType_->currentText();
    f.sectorIdentifier = sectorIdentifier_->text();
    f.idTokenAlg = idTokenAlg_->currentText();
    f.consentText.clear();
    for (auto it = consent_.cbegin(); it != consent_.cend(); ++it) f.consentText.insert(it.key(), it.value()->text());
    f.eventPushUrl = eventPushUrl_->text();
    return f;
}

void ServicesPage::fill(const ServiceForm& f) {
    currentId_ = f.id;
    currentEtag_ = f.etag;
    name_->setText(f.name);
    description_->setText(f.description);
    logoUrl_->setText(f.logoUrl);
    redirectUris_->setPlainText(f.redirectUris);
    postLogoutUris_->setPlainText(f.postLogoutRedirectUris);
    backchannelUri_->setText(f.backchannelLogoutUri);
    {
        // The stored method is shown as it is, not as the type would pick it.
        const QSignalBlocker quiet(clientType_);
        showValue(clientType_, f.clientType);
    }
    showValue(authMethod_, f.tokenEndpointAuthMethod);
    jwksUri_->setText(f.jwksUri);
    grantTypes_->setChecked(f.grantTypes);
    showValue(idTokenAlg_, f.idTokenAlg);
    scopes_->setChecked(f.allowedScopes);
    claims_->setChecked(f.allowedClaims);
    minLoa_->setValue(f.minLoa);
    showValue(subjectType_, f.subjectType);
    sectorIdentifier_->setText(f.sectorIdentifier);
    setConsentLanguages(f.consentText.keys());
    for (auto it = consent_.cbegin(); it != consent_.cend(); ++it) it.value()->setText(f.consentText.value(it.key()));
    eventPushUrl_->setText(f.eventPushUrl);
}

QString ServicesPage::errorBeside(const QString& field) const {
    const QLabel* label = errorLabels_.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QString ServicesPage::generalMessage() const { return general_->isHidden() ? QString() : general_->text(); }

const ServiceRecord* ServicesPage::current() const { return model_.serviceAt(model_.rowOf(currentId_)); }

void ServicesPage::select(int row) {
    const ServiceRecord* s = model_.serviceAt(row);
    if (!s) return;
    fill(ServiceForm::from(*s));
    disable_->setEnabled(!s->disabled);
    // Only a service that authenticates with a secret has one to rotate (or to be given, after
    // it became confidential).
    const bool usesSecret = s->tokenEndpointAuthMethod.startsWith(QLatin1String("client_secret_"));
    rotate_->setEnabled(!s->disabled && s->clientType == QLatin1String("confidential") && usesSecret);
    clearErrors();
}

void ServicesPage::startNew() {
    table_->clearSelection();
    fill(ServiceForm{});
    disable_->setEnabled(false);
    rotate_->setEnabled(false);
    clearErrors();
    name_->setFocus();
}

void ServicesPage::save() {
    const ServiceForm f = form();
    const auto local = f.check();
    if (!local.isEmpty()) return showErrors(FieldErrors(local, ServiceForm::fields()));
    clearErrors();
    if (f.isNew()) return emit createRequested(f.toJson());
    const QJsonObject changes = f.toJson(current());
    if (!changes.isEmpty()) emit updateRequested(f.id, changes, f.etag);
}

void ServicesPage::disableSelected() {
    const ServiceRecord* s = current();
    if (!s) return;
    if (confirm_(tr("Disable service"),
                 tr("Disable “%1”? Citizens will no longer be able to sign in to it, and its tokens stop working.")
                     .arg(s->name)))
        emit disableRequested(s->id);
}

void ServicesPage::rotateSelected() {
    const ServiceRecord* s = current();
    if (!s) return;
    if (confirm_(tr("Rotate secret"),
                 tr("Make a new client secret for “%1”? The old secret stops working at once.").arg(s->name)))
        emit rotateSecretRequested(s->id);
}

void ServicesPage::showErrors(const FieldErrors& errors) {
    clearErrors();
    QLabel* first = nullptr;
    // In the order the form shows them, so the first one is scrolled into sight.
    for (const auto& field : ServiceForm::fields()) {
        QLabel* label = errorLabels_.value(field);
        const QString message = errors.forField(field);
        if (!label || message.isEmpty()) continue;
        label->setText(message);
        label->show();
        if (!first) first = label;
    }
    general_->setText(errors.general().join(QLatin1Char('\n')));
    general_->setVisible(!errors.general().isEmpty());
    if (first) scroll_->ensureWidgetVisible(first->parentWidget());
}

void ServicesPage::clearErrors() {
    for (QLabel* label : std::as_const(errorLabels_)) {
        label->clear();
        label->hide();
    }
    general_->clear();
    general_->hide();
}

}  // namespace tessera::reviewer

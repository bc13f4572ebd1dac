#include "ui/admin/FormRows.h"
#include "ui/admin/ServicesPage.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/admin/SecretDialog.h"

namespace tessera::reviewer {

ServicesPage::ServicesPage(QWidget* parent)
    : QWidget(parent),
      confirm_(askWithMessageBox(this)),
      table_(new QTableView(this)),
      general_(errorLabel(this, tr("Problems with the service"))),
      name_(new QLineEdit(this)),
      description_(new QLineEdit(this)),
      redirectUris_(new QPlainTextEdit(this)),
      postLogoutUris_(new QPlainTextEdit(this)),
      save_(new QPushButton(tr("Save"), this)),
      disable_(new QPushButton(tr("Disable…"), this)),
      rotate_(new QPushButton(tr("Rotate secret…"), this)) {
    setAccessibleName(tr("Services"));
    table_->setModel(&model_);
    table_->setAccessibleName(tr("Connected services"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setStretchLastSection(true);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) { select(index.row()); });

    name_->setAccessibleName(tr("Service name"));
    description_->setAccessibleName(tr("Description"));
    redirectUris_->setAccessibleName(tr("Redirect URIs, one per line"));
    postLogoutUris_->setAccessibleName(tr("Post-logout redirect URIs, one per line"));
    redirectUris_->setPlaceholderText(QStringLiteral("https://service.example/callback"));
    redirectUris_->setMaximumHeight(90);
    postLogoutUris_->setMaximumHeight(70);
    save_->setAccessibleName(tr("Save the service"));
    disable_->setAccessibleName(tr("Disable the service"));
    rotate_->setAccessibleName(tr("Rotate the client secret"));

    auto* form = new QFormLayout;
    const auto addRow = [&](const QString& label, const QString& field, QWidget* widget) {
        QLabel* error = errorLabel(this, tr("Problem with %1").arg(label));
        errorLabels_.insert(field, error);
        form->addRow(label, withError(widget, error, this));
    };
    addRow(tr("Name"), QStringLiteral("name"), name_);
    addRow(tr("Description"), QStringLiteral("description"), description_);
    addRow(tr("Redirect URIs"), QStringLiteral("redirectUris"), redirectUris_);
    addRow(tr("Post-logout URIs"), QStringLiteral("postLogoutRedirectUris"), postLogoutUris_);

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

    auto* editor = new QWidget(this);
    editor->setAccessibleName(tr("Service details"));
    auto* editorLayout = new QVBoxLayout(editor);
    editorLayout->addWidget(general_);
    editorLayout->addLayout(form);
    editorLayout->addLayout(buttons);
    editorLayout->addStretch();

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setAccessibleName(tr("Services and details"));
    split->addWidget(table_);
    split->addWidget(editor);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
    startNew();
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
    f.redirectUris = redirectUris_->toPlainText();
    f.postLogoutRedirectUris = postLogoutUris_->toPlainText();
    return f;
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
    const ServiceForm f = ServiceForm::from(*s);
    currentId_ = f.id;
    currentEtag_ = f.etag;
    name_->setText(f.name);
    description_->setText(f.description);
    redirectUris_->setPlainText(f.redirectUris);
    postLogoutUris_->setPlainText(f.postLogoutRedirectUris);
    disable_->setEnabled(!s->disabled);
    rotate_->setEnabled(!s->disabled);
    clearErrors();
}

void ServicesPage::startNew() {
    currentId_.clear();
    currentEtag_.clear();
    table_->clearSelection();
    name_->clear();
    description_->clear();
    redirectUris_->clear();
    postLogoutUris_->clear();
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
    for (auto it = errorLabels_.cbegin(); it != errorLabels_.cend(); ++it) {
        const QString message = errors.forField(it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
    }
    general_->setText(errors.general().join(QLatin1Char('\n')));
    general_->setVisible(!errors.general().isEmpty());
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

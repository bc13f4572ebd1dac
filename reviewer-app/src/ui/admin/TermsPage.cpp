#include "ui/admin/FormRows.h"
#include "ui/admin/TermsPage.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tessera::reviewer {

TermsPage::TermsPage(QWidget* parent)
    : QWidget(parent),
      confirm_(askWithMessageBox(this)),
      languageFilter_(new QComboBox(this)),
      table_(new QTableView(this)),
      general_(errorLabel(this, tr("Problems with the draft"))),
      reload_(new QPushButton(tr("Reload"), this)),
      kind_(new QComboBox(this)),
      language_(new QLineEdit(this)),
      title_(new QLineEdit(this)),
      body_(new QPlainTextEdit(this)),
      summary_(new QLineEdit(this)),
      preview_(new QTextBrowser(this)),
      effectiveAt_(new QDateTimeEdit(this)),
      save_(new QPushButton(tr("Save draft"), this)),
      publish_(new QPushButton(tr("Publish…"), this)),
      delete_(new QPushButton(tr("Delete draft…"), this)) {
    setAccessibleName(tr("Terms"));
    languageFilter_->setAccessibleName(tr("Language shown"));
    languageFilter_->addItem(tr("All languages"), QString());
    connect(languageFilter_, &QComboBox::currentIndexChanged, this,
            [this](int index) { model_.setLanguage(languageFilter_->itemData(index).toString()); });

    table_->setModel(&model_);
    table_->setAccessibleName(tr("Terms versions"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setStretchLastSection(true);
    connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) { select(index.row()); });
    connect(table_, &QTableView::clicked, this, [this](const QModelIndex& index) { select(index.row()); });

    reload_->setAccessibleName(tr("Reload the draft"));
    reload_->hide();
    connect(reload_, &QPushButton::clicked, this, &TermsPage::reload);

    for (const char* kind : {"terms_of_service", "privacy_policy", "data_collection"})
        kind_->addItem(TermsVersionsModel::kindText(QString::fromLatin1(kind)), QString::fromLatin1(kind));
    kind_->setAccessibleName(tr("Document"));
    language_->setAccessibleName(tr("Language code"));
    language_->setPlaceholderText(QStringLiteral("en"));
    title_->setAccessibleName(tr("Title"));
    body_->setAccessibleName(tr("Text (Markdown)"));
    summary_->setAccessibleName(tr("Summary of changes"));
    preview_->setAccessibleName(tr("Preview as the citizen will see it"));
    effectiveAt_->setAccessibleName(tr("Takes effect on"));
    // Its own text field is what a screen reader lands on.
    if (auto* text = effectiveAt_->findChild<QLineEdit*>()) text->setAccessibleName(tr("Takes effect on"));
    effectiveAt_->setCalendarPopup(true);
    effectiveAt_->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    effectiveAt_->setDateTime(QDateTime::currentDateTime().addDays(1));
    save_->setAccessibleName(tr("Save the draft"));
    publish_->setAccessibleName(tr("Publish the draft"));
    delete_->setAccessibleName(tr("Delete the draft"));
    connect(body_, &QPlainTextEdit::textChanged, this, &TermsPage::updatePreview);
    connect(save_, &QPushButton::clicked, this, &TermsPage::save);
    connect(publish_, &QPushButton::clicked, this, &TermsPage::publish);
    connect(delete_, &QPushButton::clicked, this, &TermsPage::deleteDraft);

    auto* form = new QFormLayout;
    const auto addRow = [&](const QString& label, const QString& field, QWidget* widget) {
        QLabel* error = errorLabel(this, tr("Problem with %1").arg(label));
        errorLabels_.insert(field, error);
        form->addRow(label, withError(widget, error, this));
    };
    addRow(tr("Document"), QStringLiteral("kind"), kind_);
    addRow(tr("Language"), QStringLiteral("language"), language_);
    addRow(tr("Title"), QStringLiteral("title"), title_);
    addRow(tr("Text"), QStringLiteral("body"), body_);
    addRow(tr("Summary of changes"), QStringLiteral("summaryOfChanges"), summary_);

    auto* newButton = new QPushButton(tr("New draft"), this);
    newButton->setAccessibleName(tr("New draft"));
    auto* refresh = new QPushButton(tr("Refresh"), this);
    refresh->setAccessibleName(tr("Refresh the terms versions"));
    connect(newButton, &QPushButton::clicked, this, &TermsPage::startNew);
    connect(refresh, &QPushButton::clicked, this, &TermsPage::refreshRequested);

    auto* top = new QHBoxLayout;
    auto* filterLabel = new QLabel(tr("Language:"), this);
    filterLabel->setBuddy(languageFilter_);
    top->addWidget(filterLabel);
    top->addWidget(languageFilter_);
    top->addStretch();
    top->addWidget(newButton);
    top->addWidget(refresh);

    auto* staleRow = new QHBoxLayout;
    staleRow->addWidget(general_, 1);
    staleRow->addWidget(reload_);

    auto* actions = new QHBoxLayout;
    actions->addWidget(save_);
    actions->addWidget(delete_);
    actions->addStretch();
    auto* whenLabel = new QLabel(tr("Takes effect on:"), this);
    whenLabel->setBuddy(effectiveAt_);
    actions->addWidget(whenLabel);
    actions->addWidget(effectiveAt_);
    actions->addWidget(publish_);

    auto* editor = new QWidget(this);
    editor->setAccessibleName(tr("Draft editor"));
    auto* editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addLayout(staleRow);
    editorLayout->addLayout(form);
    editorLayout->addLayout(actions);

    auto* previewBox = new QWidget(this);
    previewBox->setAccessibleName(tr("Preview"));
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(new QLabel(tr("As the citizen will see it:"), previewBox));
    previewLayout->addWidget(preview_);

    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->setAccessibleName(tr("Editor and preview"));
    lower->addWidget(editor);
    lower->addWidget(previewBox);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setAccessibleName(tr("Versions and editor"));
    split->addWidget(table_);
    split->addWidget(lower);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    startNew();
}

void TermsPage::setVersions(const QList<TermsVersion>& versions) {
    model_.setVersions(versions);
    const QString chosen = languageFilter_->currentData().toString();
    languageFilter_->blockSignals(true);
    while (languageFilter_->count() > 1) languageFilter_->removeItem(1);
    for (const auto& language : model_.languages()) languageFilter_->addItem(language, language);
    languageFilter_->setCurrentIndex(std::max(0, languageFilter_->findData(chosen)));
    languageFilter_->blockSignals(false);
    model_.setLanguage(languageFilter_->currentData().toString());
}

void TermsPage::showVersion(const TermsVersion& version) {
    shown_ = version;
    kind_->setCurrentIndex(std::max(0, kind_->findData(version.kind)));
    language_->setText(version.language);
    title_->setText(version.title);
    body_->setPlainText(version.body);
    summary_->setText(version.summaryOfChanges);
    setEditable(version.isDraft());
    clearErrors();
}

void TermsPage::showProblem(const Problem& problem) {
    if (TermsDraftForm::isStaleEdit(problem)) {
        clearErrors();
        general_->setText(TermsDraftForm::staleEditMessage());
        general_->show();
        reload_->show();
        return;
    }
    showErrors(FieldErrors(problem, TermsDraftForm::fields()));
}

TermsDraftForm TermsPage::form() const {
    TermsDraftForm f;
    f.id = shown_.id;
    f.etag = shown_.etag;
    f.kind = kind_->currentData().toString();
    f.language = language_->text().trimmed();
    f.title = title_->text();
    f.body = body_->toPlainText();
    f.summaryOfChanges = summary_->text();
    return f;
}

QString TermsPage::errorBeside(const QString& field) const {
    const QLabel* label = errorLabels_.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QString TermsPage::generalMessage() const { return general_->isHidden() ? QString() : general_->text(); }

bool TermsPage::reloadOffered() const { return !reload_->isHidden(); }

QString TermsPage::previewText() const { return preview_->toPlainText(); }

void TermsPage::setEffectiveAt(const QDateTime& when) { effectiveAt_->setDateTime(when.toLocalTime()); }

void TermsPage::selectLanguage(const QString& language) {
    languageFilter_->setCurrentIndex(std::max(0, languageFilter_->findData(language)));
}

void TermsPage::select(int row) {
    if (const TermsVersion* v = model_.versionAt(row)) emit openRequested(v->id);
}

void TermsPage::startNew() {
    TermsVersion blank;
    blank.status = QStringLiteral("draft");
    blank.language = languageFilter_->currentData().toString();
    if (blank.language.isEmpty()) blank.language = QStringLiteral("en");
    blank.kind = QStringLiteral("terms_of_service");
    showVersion(blank);
    table_->clearSelection();
}

void TermsPage::setTitle(const QString& title) { title_->setText(title); }

void TermsPage::setBody(const QString& body) { body_->setPlainText(body); }

void TermsPage::save() {
    const TermsDraftForm f = form();
    const auto local = f.check();
    if (!local.isEmpty()) return showErrors(FieldErrors(local, TermsDraftForm::fields()));
    clearErrors();
    if (f.isNew()) return emit createRequested(f.toJson());
    emit editRequested(f.id, f.toJson(), f.etag);
}

void TermsPage::publish() {
    if (shown_.id.isEmpty() || !shown_.isDraft()) return;
    const QDateTime when = effectiveAt_->dateTime();
    if (confirm_(tr("Publish terms"),
                 tr("Publish “%1” (%2, version %3) to take effect on %4? Published terms cannot be changed; citizens "
                    "will be asked to accept them.")
                     .arg(shown_.title, shown_.language)
                     .arg(shown_.version)
                     .arg(QLocale().toString(when, QLocale::LongFormat))))
        emit publishRequested(shown_.id, when, shown_.etag);
}

void TermsPage::deleteDraft() {
    if (shown_.id.isEmpty() || !shown_.isDraft()) return;
    if (confirm_(tr("Delete draft"), tr("Delete the draft “%1”? Its text will be lost.").arg(shown_.title)))
        emit deleteRequested(shown_.id, shown_.etag);
}

void TermsPage::reload() {
    clearErrors();
    if (!shown_.id.isEmpty()) emit openRequested(shown_.id);
}

void TermsPage::showErrors(const FieldErrors& errors) {
    clearErrors();
    for (auto it = errorLabels_.cbegin(); it != errorLabels_.cend(); ++it) {
        const QString message = errors.forField(it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
    }
    general_->setText(errors.general().join(QLatin1Char('\n')));
    general_->setVisible(!errors.general().isEmpty());
}

void TermsPage::clearErrors() {
    for (QLabel* label : std::as_const(errorLabels_)) {
        label->clear();
        label->hide();
    }
    general_->clear();
    general_->hide();
    reload_->hide();
}

void TermsPage::updatePreview() { preview_->setMarkdown(body_->toPlainText()); }

void TermsPage::setEditable(bool draft) {
    const bool isNew = shown_.id.isEmpty();
    kind_->setEnabled(isNew);
    language_->setReadOnly(!isNew);
    title_->setReadOnly(!draft);
    body_->setReadOnly(!draft);
    summary_->setReadOnly(!draft);
    save_->setEnabled(draft);
    publish_->setEnabled(draft && !isNew);
    delete_->setEnabled(draft && !isNew);
    effectiveAt_->setEnabled(draft && !isNew);
}

}  // namespace tessera::reviewer

#include "main/start_page.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace kensa::ui {

namespace {
QPushButton* bigButton(const QIcon& icon, const QString& text, const QString& detail, QWidget* parent) {
    auto* b = new QPushButton(icon, QStringLiteral("  ") + text, parent);
    b->setToolTip(detail);
    b->setIconSize(QSize(22, 22));
    b->setMinimumHeight(44);
    b->setStyleSheet(QStringLiteral("text-align: left; padding-left: 14px;"));
    return b;
}
}  // namespace

StartPage::StartPage(QWidget* parent) : QWidget(parent) {
    setAutoFillBackground(true);
    auto* card = new QWidget(this);
    card->setMaximumWidth(560);
    auto* logo = new QLabel(card);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/kensa.svg")).pixmap(64, 64));
    auto* title = new QLabel(tr("Kensa"), card);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 2.2);
    tf.setBold(true);
    title->setFont(tf);
    auto* subtitle = new QLabel(tr("Visual anomaly inspection for a new product, without writing code. "
                                   "Start with a project: a folder holding the product's images, defect "
                                   "annotations and trained models."),
                                card);
    subtitle->setWordWrap(true);
    subtitle->setForegroundRole(QPalette::PlaceholderText);

    auto* create = bigButton(QIcon(QStringLiteral(":/icons/new.svg")), tr("New project…"),
                             tr("Create a project folder for a product"), card);
    auto* open = bigButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("Open project…"),
                           tr("Open an existing project folder"), card);
    auto* sample = bigButton(QIcon(QStringLiteral(":/icons/sample.svg")), tr("Open the sample project"),
                             tr("A generated product with normal parts and five kinds of defects"), card);
    connect(create, &QPushButton::clicked, this, &StartPage::newProject);
    connect(open, &QPushButton::clicked, this, &StartPage::openProject);
    connect(sample, &QPushButton::clicked, this, &StartPage::openSample);

    auto* recentTitle = new QLabel(tr("Recent projects"), card);
    QFont rf = recentTitle->font();
    rf.setBold(true);
    recentTitle->setFont(rf);
    m_recent = new QListWidget(card);
    m_recent->setMinimumHeight(90);
    m_recent->setMaximumHeight(220);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT openRecent(item->data(Qt::UserRole).toString()); });

    auto* head = new QHBoxLayout;
    head->addWidget(logo);
    head->addSpacing(12);
    head->addWidget(title, 1);
    auto* v = new QVBoxLayout(card);
    v->setSpacing(10);
    v->addLayout(head);
    v->addWidget(subtitle);
    v->addSpacing(12);
    v->addWidget(create);
    v->addWidget(open);
    v->addWidget(sample);
    v->addSpacing(16);
    v->addWidget(recentTitle);
    v->addWidget(m_recent, 1);

    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    auto* col = new QVBoxLayout;
    col->addStretch(1);
    col->addWidget(card, 4);
    col->addStretch(1);
    outer->addLayout(col, 3);
    outer->addStretch(1);
}

void StartPage::setRecent(const QStringList& folders) {
    m_recent->clear();
    for (const QString& f : folders) {
        auto* item = new QListWidgetItem(
            QIcon(QStringLiteral(":/icons/project.svg")),
            QFileInfo(f).fileName() + QStringLiteral("  —  ") + QDir::toNativeSeparators(f), m_recent);
        item->setData(Qt::UserRole, f);
    }
    if (folders.isEmpty()) {
        auto* item = new QListWidgetItem(tr("No recent projects"), m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}

}  // namespace kensa::ui

#pragma once
// Core's catalogue texts as the app shows them, translated: a method's one-line summary and a backbone's
// name and description, by id. Core keeps them in English (it has no Qt); an id not listed here (added to
// core later) falls back to core's own text.

#include <QCoreApplication>
#include <QString>

#include <string>

namespace kensa::ui {

class CatalogTexts {
    Q_DECLARE_TR_FUNCTIONS(CatalogTexts)
public:
    static QString methodSummary(const std::string& id, const std::string& coreSummary);
    static QString backboneName(const std::string& id, const std::string& coreName);
    static QString backboneDescription(const std::string& id, const std::string& coreDescription);
};

}  // namespace kensa::ui

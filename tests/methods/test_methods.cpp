// The method registry and ADTR's settings in a bundle.
#include <kensa/base/error.h>
#include <kensa/methods/adtr/adtr_settings.h>
#include <kensa/methods/registry.h>

#include <gtest/gtest.h>

#include <string>

TEST(Registry, ListsAdtrAndNamesTheKnownIdsForAnUnknownOne) {
    ASSERT_FALSE(kensa::engine::methods().empty());
    EXPECT_EQ(kensa::engine::methods().front()->id(), "adtr");
    EXPECT_EQ(kensa::engine::method("adtr").name(), "ADTR");
    EXPECT_FALSE(kensa::engine::method("adtr").summary().empty());
    try {
        (void)kensa::engine::method("patchkore");
        FAIL() << "an unknown method must be an error";
    } catch (const kensa::Error& e) {
        EXPECT_NE(std::string(e.what()).find("known: adtr"), std::string::npos) << e.what();
    }
    EXPECT_EQ(kensa::engine::method_ids().front(), "adtr");
}

TEST(AdtrSettings, RoundTripAndTheVersionOneFields) {
    kensa::adtr::AdtrConfig c;
    c.channels = 64;
    c.grid = 8;
    c.query_mode = kensa::adtr::QueryMode::Shared;
    c.neighbour_mask = 5;
    const auto back = kensa::adtr::config_from_settings(kensa::adtr::settings_json(c));
    EXPECT_EQ(back.channels, 64);
    EXPECT_EQ(back.grid, 8);
    EXPECT_EQ(back.query_mode, kensa::adtr::QueryMode::Shared);
    EXPECT_EQ(back.neighbour_mask, 5);
    EXPECT_EQ(back.jitter_scale, c.jitter_scale);

    // Version 1 wrote position_embedding and jitter_probability: learned positions load, the rest is
    // training-only and ignored.
    std::string v1 = kensa::adtr::settings_json(c);
    v1.insert(1, R"("position_embedding":"learned","jitter_probability":0.5,)");
    EXPECT_EQ(kensa::adtr::config_from_settings(v1).grid, 8);
}

TEST(AdtrSettings, WhatThisKensaNoLongerRunsSaysToRetrain) {
    std::string sine = kensa::adtr::settings_json({});
    sine.insert(1, R"("position_embedding":"sine",)");
    try {
        (void)kensa::adtr::config_from_settings(sine);
        FAIL() << "sine position codes are no longer run";
    } catch (const kensa::Error& e) {
        EXPECT_NE(std::string(e.what()).find("train it again"), std::string::npos) << e.what();
    }
    EXPECT_THROW(kensa::adtr::config_from_settings(R"({"grid":14})"), kensa::Error);
    EXPECT_THROW(kensa::adtr::config_from_settings("not json"), kensa::Error);
}

//! Workspace-level integration tests of zhurnal: they use only the public
//! API, as a host would. The tests are in `integration/`; their data in
//! `fixtures/`.

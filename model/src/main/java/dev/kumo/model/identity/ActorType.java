package dev.kumo.model.identity;

public enum ActorType { USER, GROUP }

/// IAM's actions (botocore's `iam/2010-05-08` model) that Overcast does not emulate: they are answered
/// UnsupportedOperation, naming the action, rather than InvalidAction, which would say IAM has no such action.
enum IAMUnemulatedActions {
    static let names: Set<String> = [
        "AcceptDelegationRequest", "AcquireRole", "AddClientIDToOpenIDConnectProvider", "AddRoleToInstanceProfile",
        "AssociateDelegationRequest", "ChangePassword", "CreateAccountAlias", "CreateDelegationRequest",
        "CreateInstanceProfile", "CreateLoginProfile", "CreateOpenIDConnectProvider", "CreateSAMLProvider",
        "CreateServiceLinkedRole", "CreateServiceSpecificCredential", "CreateVirtualMFADevice", "DeactivateMFADevice",
        "DeleteAccountAlias", "DeleteAccountPasswordPolicy", "DeleteInstanceProfile", "DeleteLoginProfile",
        "DeleteOpenIDConnectProvider", "DeleteSAMLProvider", "DeleteSSHPublicKey", "DeleteServerCertificate",
        "DeleteServiceLinkedRole", "DeleteServiceSpecificCredential", "DeleteSigningCertificate", "DeleteVirtualMFADevice",
        "DisableOrganizationsRootCredentialsManagement", "DisableOrganizationsRootSessions",
        "DisableOutboundWebIdentityFederation", "EnableMFADevice", "EnableOrganizationsRootCredentialsManagement",
        "EnableOrganizationsRootSessions", "EnableOutboundWebIdentityFederation", "GenerateCredentialReport",
        "GenerateOrganizationsAccessReport", "GenerateServiceLastAccessedDetails", "GetAccountAuthorizationDetails",
        "GetAccountPasswordPolicy", "GetAccountProperties", "GetAccountSummary", "GetContextKeysForCustomPolicy",
        "GetContextKeysForPrincipalPolicy", "GetCredentialReport", "GetDelegationRequest", "GetHumanReadableSummary",
        "GetInstanceProfile", "GetLoginProfile", "GetMFADevice", "GetOpenIDConnectProvider", "GetOrganizationsAccessReport",
        "GetOutboundWebIdentityFederationInfo", "GetRoleTemplateVersion", "GetSAMLProvider", "GetSSHPublicKey",
        "GetServerCertificate", "GetServiceLastAccessedDetails", "GetServiceLastAccessedDetailsWithEntities",
        "GetServiceLinkedRoleDeletionStatus", "ListAccountAliases", "ListDelegationRequests", "ListInstanceProfileTags",
        "ListInstanceProfiles", "ListInstanceProfilesForRole", "ListMFADeviceTags", "ListMFADevices",
        "ListOpenIDConnectProviderTags", "ListOpenIDConnectProviders", "ListOrganizationsFeatures",
        "ListPoliciesGrantingServiceAccess", "ListPolicyTags", "ListSAMLProviderTags", "ListSAMLProviders",
        "ListSSHPublicKeys", "ListServerCertificateTags", "ListServerCertificates", "ListServiceSpecificCredentials",
        "ListSigningCertificates", "ListVirtualMFADevices", "PutAccountProperties", "RejectDelegationRequest",
        "RemoveClientIDFromOpenIDConnectProvider", "RemoveRoleFromInstanceProfile", "ResetServiceSpecificCredential",
        "ResyncMFADevice", "SendDelegationToken", "SetSecurityTokenServicePreferences", "TagInstanceProfile",
        "TagMFADevice", "TagOpenIDConnectProvider", "TagPolicy", "TagSAMLProvider", "TagServerCertificate",
        "UntagInstanceProfile", "UntagMFADevice", "UntagOpenIDConnectProvider", "UntagPolicy", "UntagSAMLProvider",
        "UntagServerCertificate", "UpdateAccountPasswordPolicy", "UpdateDelegationRequest", "UpdateGroup",
        "UpdateLoginProfile", "UpdateOpenIDConnectProvider", "UpdateOpenIDConnectProviderThumbprint", "UpdateSAMLProvider",
        "UpdateSSHPublicKey", "UpdateServerCertificate", "UpdateServiceSpecificCredential", "UpdateSigningCertificate",
        "UpdateUser", "UploadSSHPublicKey", "UploadServerCertificate", "UploadSigningCertificate"
    ]
}
